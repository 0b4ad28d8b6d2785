namespace Modular.Remote.Transport;

/// <summary>
/// Host-key checking against $HOME/.ssh/known_hosts (plain host entries, "[host]:port" for
/// other ports). A host listed with other keys is refused; an unlisted host is accepted
/// and not recorded, since modpod writes nothing into the user's ~/.ssh.
/// Limitation: hashed entries (HashKnownHosts) are not read, so such hosts count as unlisted.
/// </summary>
internal static class KnownHosts
{
    public static bool Trusts(string host, int port, string keyType, byte[] key)
    {
        var home = Environment.GetEnvironmentVariable("HOME") ?? "/root";
        var path = Path.Combine(home, ".ssh", "known_hosts");
        if (!File.Exists(path))
        {
            return true;
        }

        var name = port == 22 ? host : $"[{host}]:{port}";
        var offered = Convert.ToBase64String(key);
        var listed = File.ReadLines(path)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 3 && fields[0].Split(',').Contains(name))
            .ToList();
        return listed.Count == 0
            || listed.Any(fields => fields[1] == keyType && fields[2] == offered);
    }
}
