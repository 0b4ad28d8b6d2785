using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>--systemd=true|false|always</c>: systemd mode for always, and for true when the
/// command is an init (init or systemd), as Podman decides.
/// </summary>
public sealed class RunSystemdFlags
{
    public Option<string?> Systemd { get; } =
        Value("--systemd", "Run container in systemd mode (\"true\", \"false\", \"always\")");

    public Command AddTo(Command command) => command.With(Systemd);

    public CreateContainerRequest AddTo(ParseResult r, CreateContainerRequest request)
    {
        var mode = (r.GetValue(Systemd) ?? "true").ToLowerInvariant();
        var command = Path.GetFileName(request.Command.FirstOrDefault() ?? "");
        var on = mode switch
        {
            "always" => true,
            "true" => command is "init" or "systemd",
            "false" => false,
            _ => throw new UsageException($"invalid systemd option requested: {mode}"),
        };
        return on ? request with { Security = request.Security with { Systemd = true } } : request;
    }
}
