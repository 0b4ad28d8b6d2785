namespace Modular.Engine.Containers.Copy;

/// <summary>
/// The container's primary uid and gid from its --user value, names looked up in the
/// container's own /etc/passwd and /etc/group (read inside its root): what cp chowns to.
/// </summary>
internal static class ContainerUser
{
    public static (uint Uid, uint Gid) Resolve(RootDirectory root, string? user)
    {
        if (string.IsNullOrEmpty(user))
        {
            return (0, 0);
        }

        var (userPart, groupPart) = user.IndexOf(':') is var cut and >= 0
            ? (user[..cut], user[(cut + 1)..])
            : (user, null);
        var passwd = Read(root, "/etc/passwd");
        var entry = passwd.FirstOrDefault(f => f[0] == userPart || f.Length > 2 && f[2] == userPart);
        var uid = uint.TryParse(userPart, out var u) ? u : Field(entry, 2);
        var gid = entry is null ? 0 : Field(entry, 3);
        if (!string.IsNullOrEmpty(groupPart))
        {
            var group = Read(root, "/etc/group").FirstOrDefault(f => f[0] == groupPart);
            gid = uint.TryParse(groupPart, out var g) ? g : Field(group, 2);
        }

        return (uid, gid);
    }

    private static uint Field(string[]? fields, int index) =>
        fields is not null && fields.Length > index && uint.TryParse(fields[index], out var value) ? value : 0;

    private static List<string[]> Read(RootDirectory root, string path)
    {
        try
        {
            using var file = root.Open(path, Syscalls.OpenReadOnly);
            var text = File.ReadAllText($"/proc/self/fd/{file.Value}");
            return text.Split('\n').Select(l => l.Split(':')).Where(f => f.Length > 3).ToList();
        }
        catch (IOException)
        {
            return [];
        }
    }
}
