using Modular.Contracts.Errors;

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

    /// <summary>
    /// As <see cref="Resolve"/>, but a name missing from the image's files is an error (what
    /// buildah does for COPY/ADD --chown), with Go's unknown user/group texts.
    /// </summary>
    /// <exception cref="InvalidInputException">A user or group name the image does not know.</exception>
    public static (uint Uid, uint Gid) ResolveKnown(RootDirectory root, string user)
    {
        var (userPart, groupPart) = user.IndexOf(':') is var cut and >= 0
            ? (user[..cut], user[(cut + 1)..])
            : (user, null);
        var known = uint.TryParse(userPart, out _)
            || Read(root, "/etc/passwd").Any(f => f[0] == userPart);
        if (!known)
        {
            throw new InvalidInputException(
                $"looking up UID/GID for \"{user}\": determining run uid: user: unknown user {userPart}");
        }

        if (!string.IsNullOrEmpty(groupPart) && !uint.TryParse(groupPart, out _)
            && !Read(root, "/etc/group").Any(f => f[0] == groupPart))
        {
            throw new InvalidInputException(
                $"looking up UID/GID for \"{user}\": determining run gid: group: unknown group {groupPart}");
        }

        return Resolve(root, user);
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
