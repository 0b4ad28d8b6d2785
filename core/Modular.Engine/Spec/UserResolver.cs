using System.Globalization;
using Modular.Contracts.Errors;

namespace Modular.Engine.Spec;

/// <summary>
/// Resolves <c>--user</c> (or the image's User) against the rootfs' /etc/passwd and
/// /etc/group as Podman does: a name must exist; a numeric uid need not, and then runs with
/// gid 0 and HOME=/ (RUN-06); <c>uid:gid</c> and <c>name:group</c> set the group.
/// </summary>
public static class UserResolver
{
    public static ResolvedUser Resolve(string rootfs, string? user)
    {
        var spec = string.IsNullOrEmpty(user) ? "0" : user;
        var parts = spec.Split(':', 2);
        var passwd = ReadColonFile(Path.Combine(rootfs, "etc/passwd"));
        var (uid, gid, home) = ResolveUser(parts[0], passwd);
        if (parts.Length == 2)
        {
            gid = ResolveGroup(parts[1], Path.Combine(rootfs, "etc/group"));
        }

        return new ResolvedUser(uid, gid, home, []);
    }

    /// <summary>A group by number or by name in the rootfs' /etc/group (--group-add).</summary>
    public static uint ResolveGroupIn(string rootfs, string name) =>
        ResolveGroup(name, Path.Combine(rootfs, "etc/group"));

    private static (uint Uid, uint Gid, string Home) ResolveUser(string name, List<string[]> passwd)
    {
        var isNumeric = uint.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var uid);
        var entry = passwd.FirstOrDefault(fields => fields.Length >= 6
            && (isNumeric ? fields[2] == name : fields[0] == name));
        if (entry is not null)
        {
            return (uint.Parse(entry[2], CultureInfo.InvariantCulture),
                uint.Parse(entry[3], CultureInfo.InvariantCulture),
                entry[5].Length > 0 ? entry[5] : "/");
        }

        if (isNumeric)
        {
            return (uid, 0, "/");
        }

        throw new CannotInvokeException(
            $"unable to find user {name}: no matching entries in passwd file");
    }

    private static uint ResolveGroup(string name, string groupPath)
    {
        if (uint.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var gid))
        {
            return gid;
        }

        var entry = ReadColonFile(groupPath).FirstOrDefault(fields => fields.Length >= 3 && fields[0] == name);
        return entry is not null
            ? uint.Parse(entry[2], CultureInfo.InvariantCulture)
            : throw new CannotInvokeException(
                $"unable to find group {name}: no matching entries in group file");
    }

    // The rootfs is the container's: read its files as data, never follow them to the host.
    private static List<string[]> ReadColonFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null)
        {
            return [];
        }

        return File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(':'))
            .ToList();
    }
}
