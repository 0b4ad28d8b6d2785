using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Volumes;

/// <summary>
/// Parses <c>-v</c>, <c>--mount</c> and <c>--tmpfs</c> into mounts, with Podman's rules and
/// error texts. Touches no file: whether a bind source exists is checked at create.
/// </summary>
public static class MountParser
{
    /// <summary>All three flags together; a destination given twice differently is refused.</summary>
    /// <param name="workingDirectory">What a relative host path (<c>./data</c>) is resolved against.</param>
    /// <exception cref="InvalidInputException">Bad syntax, option or destination, with Podman's text.</exception>
    public static IReadOnlyList<ContainerMount> Parse(
        IReadOnlyList<string> volumes,
        IReadOnlyList<string> mounts,
        IReadOnlyList<string> tmpfs,
        string workingDirectory)
    {
        var result = new List<ContainerMount>();
        foreach (var mount in mounts.Select(MountFlagParser.Parse))
        {
            Add(result, mount);
        }

        foreach (var volume in volumes)
        {
            Add(result, ParseVolume(volume, workingDirectory));
        }

        foreach (var entry in tmpfs)
        {
            Add(result, ParseTmpfs(entry));
        }

        return result;
    }

    /// <summary>One <c>-v</c> value: <c>[SOURCE:]DEST[:OPTIONS]</c>.</summary>
    public static ContainerMount ParseVolume(string value, string workingDirectory)
    {
        var parts = value.Split(':');
        if (parts.Length > 3)
        {
            throw new InvalidInputException(
                $"{value}: incorrect volume format, should be [host-dir:]ctr-dir[:option]");
        }

        var options = parts.Length > 2 ? MountOptions.Validate(parts[2].Split(',')) : [];
        if (parts.Length == 1)
        {
            return new ContainerMount
            {
                Type = ContainerMount.VolumeType,
                Destination = GivenDestination(parts[0]),
                Anonymous = true,
            };
        }

        var source = parts[0].Length > 0
            ? parts[0]
            : throw new InvalidInputException("host directory cannot be empty");
        var destination = GivenDestination(parts[1]);

        // Podman takes a source starting with / or . as a host path; ./data is relative to
        // the caller's directory (RUN-09), never a volume named "./data".
        return source.StartsWith('/') || source.StartsWith('.')
            ? new ContainerMount
            {
                Type = ContainerMount.BindType,
                Source = Path.GetFullPath(source, workingDirectory),
                Destination = destination,
                Options = options,
            }
            : new ContainerMount
            {
                Type = ContainerMount.VolumeType,
                Source = VolumeName.Validate(source),
                Destination = destination,
                Options = options,
            };
    }

    /// <summary>One <c>--tmpfs</c> value: <c>DEST[:OPTIONS]</c>.</summary>
    public static ContainerMount ParseTmpfs(string value)
    {
        var parts = value.Split(':', 2);
        return new ContainerMount
        {
            Type = ContainerMount.TmpfsType,
            Source = "tmpfs",
            Destination = Destination(parts[0]),
            Options = parts.Length > 1 && parts[1].Length > 0 ? parts[1].Split(',') : [],
        };
    }

    /// <summary>Podman's check and cleaning of a path inside the container.</summary>
    public static string Destination(string path) => Clean(GivenDestination(path));

    /// <summary>
    /// True when two destinations name one place (/data, /data/ and /data/. do): duplicates
    /// are found on cleaned paths, as Podman's finalizeMounts keys them.
    /// </summary>
    public static bool SameDestination(string a, string b) => Clean(a) == Clean(b);

    // Podman's -v keeps the container path as typed (a bind to /data/ shows "/data/" in
    // inspect, GenVolume does not clean it); only --mount and --tmpfs targets are cleaned.
    private static string GivenDestination(string path)
    {
        if (path.Length == 0)
        {
            throw new InvalidInputException("container directory cannot be empty");
        }

        if (!path.StartsWith('/'))
        {
            throw new InvalidInputException($"invalid container path \"{path}\", must be an absolute path");
        }

        return path;
    }

    /// <summary>Adds a mount; the same mount twice is kept once, a different one at the same place refused.</summary>
    public static void Add(List<ContainerMount> mounts, ContainerMount mount)
    {
        var existing = mounts.FirstOrDefault(m => SameDestination(m.Destination, mount.Destination));
        if (existing is null)
        {
            mounts.Add(mount);
            return;
        }

        var same = existing.Type == mount.Type && existing.Source == mount.Source
            && existing.Anonymous == mount.Anonymous && existing.Options.SequenceEqual(mount.Options);
        if (!same)
        {
            throw new InvalidInputException($"{mount.Destination}: duplicate mount destination");
        }
    }

    // As Go's path.Clean: no ., .., doubled or trailing slashes.
    public static string Clean(string path)
    {
        var stack = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }
            }
            else if (part != ".")
            {
                stack.Add(part);
            }
        }

        return "/" + string.Join('/', stack);
    }
}
