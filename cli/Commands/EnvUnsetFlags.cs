using System.CommandLine;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>--unsetenv and --unsetenv-all of create and run.</summary>
public sealed class EnvUnsetFlags
{
    public Option<string[]> UnsetEnv { get; } =
        Values("--unsetenv", "Unset an environment variable set by default or by the image; repeatable");

    public Option<bool> UnsetEnvAll { get; } =
        Switch("--unsetenv-all", "Unset all default environment variables and the image's");

    public Command AddTo(Command command) => command.With(UnsetEnv, UnsetEnvAll);

    public CreateContainerRequest AddTo(ParseResult r, CreateContainerRequest request) => request with
    {
        UnsetEnv = r.GetValue(UnsetEnv)!,
        UnsetEnvAll = r.GetValue(UnsetEnvAll),
    };
}
