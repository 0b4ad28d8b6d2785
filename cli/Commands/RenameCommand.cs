using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>rename CONTAINER NEWNAME</c>: prints nothing, as Podman.</summary>
public static class RenameCommand
{
    public static Command Create(CliContext context)
    {
        var names = Names("ARGS");
        return new Command("rename", "Rename an existing container").With(names)
            .WithAction(context, "rename", async (r, cancellationToken) =>
            {
                var args = r.GetValue(names)!;
                if (args.Length != 2)
                {
                    // cobra.ExactArgs(2)'s text.
                    throw new UsageException($"accepts 2 arg(s), received {args.Length}");
                }

                await ContainerTargets.Control(context).RenameAsync(
                    args[0].TrimStart('/'), args[1], cancellationToken);
                return ExitCodes.Success;
            });
    }
}
