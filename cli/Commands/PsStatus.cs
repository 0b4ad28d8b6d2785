using Modular.Cli.Errors;
using Modular.Engine.Containers;

namespace Modular.Cli.Commands;

/// <summary><c>ps --filter status=</c>: Podman's state names; stopped and exited are one.</summary>
public static class PsStatus
{
    // Podman's own states, plus Docker's restarting and dead, which no Modular container
    // reaches: they are accepted and match nothing, as docker ps does.
    private static readonly HashSet<string> Known =
    [
        "unknown", "configured", "created", "initialized", "running", "stopped", "paused",
        "exited", "removing", "stopping", "restarting", "dead",
    ];

    public static Func<ContainerInfo, bool> Filter(IReadOnlyList<string> values)
    {
        foreach (var value in values.Where(v => !Known.Contains(v)))
        {
            throw new UsageException($"unknown container state: {value}: invalid argument");
        }

        var wanted = values.Select(Normal).ToHashSet();
        return c => wanted.Contains(Normal(c.State));
    }

    private static string Normal(string state) => state switch
    {
        "stopped" => "exited",
        "configured" => "created",
        _ => state,
    };
}
