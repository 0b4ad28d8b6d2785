using System.CommandLine;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>--stop-signal of create and run: the signal stop sends before SIGKILL.</summary>
public sealed class StopSignalFlags
{
    public Option<string?> StopSignal { get; } =
        Value("--stop-signal", "Signal to stop a container. Default is SIGTERM");

    public Command AddTo(Command command) => command.With(StopSignal);

    public CreateContainerRequest AddTo(ParseResult r, CreateContainerRequest request) =>
        r.GetValue(StopSignal) is { Length: > 0 } signal ? request with { StopSignal = signal } : request;
}
