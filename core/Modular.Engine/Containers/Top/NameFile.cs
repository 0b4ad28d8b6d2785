namespace Modular.Engine.Containers.Top;

/// <summary>id-to-name maps from a passwd or group file in a root filesystem.</summary>
internal static class NameFile
{
    /// <summary>
    /// Empty when missing or reached through a symlink: a container's /etc/passwd that
    /// links elsewhere must not make the host read a file outside the container.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Read(string? root, string relative)
    {
        var names = new Dictionary<string, string>();
        if (root is null)
        {
            return names;
        }

        var etc = new DirectoryInfo(Path.Combine(root, "etc"));
        var file = new FileInfo(Path.Combine(root, relative));
        try
        {
            if (!etc.Exists || etc.LinkTarget is not null || !file.Exists || file.LinkTarget is not null)
            {
                return names;
            }

            foreach (var fields in File.ReadLines(file.FullName).Select(l => l.Split(':')))
            {
                if (fields.Length > 2)
                {
                    names.TryAdd(fields[2], fields[0]);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable: ids are shown as numbers, as psgo does for unknown ones.
        }

        return names;
    }
}
