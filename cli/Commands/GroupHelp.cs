using System.CommandLine;

namespace Modular.Cli.Commands;

/// <summary>The help of a command group, printed when it is typed without a subcommand.</summary>
public static class GroupHelp
{
    public static async Task WriteAsync(
        RootCommand root,
        Command group,
        TextWriter output,
        ParserConfiguration config)
    {
        var path = new List<string> { "--help" };
        for (var command = group; command is not RootCommand;)
        {
            path.Insert(0, command.Name);
            if (command.Parents.OfType<Command>().FirstOrDefault() is not { } parent)
            {
                break;
            }

            command = parent;
        }

        var invocation = new InvocationConfiguration { Output = output, Error = TextWriter.Null };
        await root.Parse(path, config).InvokeAsync(invocation);
    }
}
