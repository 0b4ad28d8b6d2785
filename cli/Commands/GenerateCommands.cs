using System.CommandLine;
using Modular.Cli.Hosting;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>generate</c>: <c>generate kube</c> (the older spelling of <c>kube generate</c>) and
/// <c>generate spec</c>.
/// </summary>
public static class GenerateCommands
{
    public static Command Group(CliContext c) =>
        new Command("generate", "Generate structured data based on containers, pods or volumes").With(
            KubeGenerateCommand.Create(c, "kube", "generate kube"), GenerateSpecCommand.Create(c));
}
