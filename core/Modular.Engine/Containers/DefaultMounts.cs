namespace Modular.Engine.Containers;

/// <summary>
/// Podman's hidden global <c>--default-mounts-file</c>: each line <c>SOURCE:DEST</c> (a
/// line without a colon mounts the path on itself) is bound read-only into every
/// container, RUN steps of a build included (the "secrets" mounts of containers/common).
/// A destination the container already mounts is left to the container's own mount.
/// </summary>
public static class DefaultMounts
{
    public static IReadOnlyList<(string Source, string Target)> Read(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return [];
        }

        return
        [
            .. File.ReadAllLines(path)
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(l => l.Split(':', 2))
                .Select(p => (p[0], p.Length > 1 ? p[1] : p[0])),
        ];
    }

    /// <summary>The request with the file's mounts added as read-only volumes.</summary>
    public static CreateContainerRequest Apply(CreateContainerRequest request, string? path)
    {
        // A source that does not exist is skipped without a word, as in Podman.
        var mounts = Read(path)
            .Where(m => Path.Exists(m.Source))
            .Where(m => !request.Volumes.Any(v => v.Split(':').ElementAtOrDefault(1) == m.Target))
            .Select(m => $"{m.Source}:{m.Target}:ro")
            .ToList();
        return mounts.Count == 0
            ? request
            : request with { Volumes = [.. request.Volumes, .. mounts] };
    }
}
