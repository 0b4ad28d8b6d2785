using System.CommandLine;
using Modular.Cli.Hosting;

namespace Modular.Cli.Commands;

/// <summary><c>system</c>: commands about the engine as a whole.</summary>
public static class SystemGroup
{
    public static Command Create(CliContext context) =>
        new Command("system", "Commands about the engine as a whole").With(
            SystemCommands.Info(context),
            SystemDfCommand.Create(context),
            SystemPruneCommand.Create(context),
            EventsCommand.Create(context),
            SystemServiceCommand.Create(context),
            ConnectionCommands.Group(context),
            DialStdioCommand.Create(context));
}
