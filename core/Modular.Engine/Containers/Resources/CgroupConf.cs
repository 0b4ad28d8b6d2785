using Modular.Contracts.Errors;

namespace Modular.Engine.Containers.Resources;

/// <summary>
/// <c>--cgroup-conf KEY=VALUE</c>: raw cgroup v2 files, written to the spec's
/// linux.resources.unified. Podman refuses them on a v1 host before anything is created,
/// since neither runtime can write v2 files there.
/// </summary>
public static class CgroupConf
{
    public static IReadOnlyDictionary<string, string> Parse(IReadOnlyList<string> values, bool unified)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var at = value.IndexOf('=');
            if (at < 0)
            {
                throw new InvalidInputException("--cgroup-conf must be formatted KEY=VALUE");
            }

            settings[value[..at]] = value[(at + 1)..];
        }

        if (settings.Count > 0 && !unified)
        {
            throw new InvalidInputException("cannot use --cgroup-conf without cgroup v2");
        }

        return settings;
    }
}
