using Modular.Contracts.Errors;

namespace Modular.Engine.Pods;

/// <summary>
/// <c>--share</c>: a comma list of namespaces (cgroup, ipc, net, pid, uts) or none; a
/// leading <c>+</c> adds to the default set instead of replacing it.
/// </summary>
public static class PodShares
{
    /// <summary>Podman 5 inspect lists the shared namespaces sorted by name.</summary>
    private static readonly string[] Known = ["cgroup", "ipc", "net", "pid", "uts"];

    public static IReadOnlyList<string> Default { get; } = ["ipc", "net", "uts"];

    public static IReadOnlyList<string> Parse(string? value)
    {
        if (value is null)
        {
            return Default;
        }

        var adding = value.StartsWith('+');
        var chosen = new HashSet<string>(adding ? Default : []);
        foreach (var item in value.TrimStart('+').Split(',', StringSplitOptions.TrimEntries))
        {
            if (item == "none")
            {
                chosen.Clear();
                continue;
            }

            if (!Known.Contains(item))
            {
                throw new InvalidInputException(
                    $"invalid kernel namespace to share: {item}. "
                    + "Options are: cgroup, ipc, net, pid, uts or none");
            }

            chosen.Add(item);
        }

        return Known.Where(chosen.Contains).ToList();
    }
}
