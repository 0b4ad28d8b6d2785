using Modular.Contracts.Errors;

namespace Modular.Plugins.Network.Cni;

/// <summary>Finds a helper program in the configured directories, then in the defaults.</summary>
internal static class ExecutableSearch
{
    // Debian keeps ip and iptables in /usr/sbin, which some users' PATH leaves out.
    private static readonly string[] SystemDirectories = ["/usr/sbin", "/sbin", "/usr/bin", "/bin"];

    public static string? TryFind(string name, IEnumerable<string> directories) =>
        directories
            .Where(dir => !string.IsNullOrEmpty(dir))
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    public static string Find(string name, IReadOnlyList<string> directories) =>
        TryFind(name, directories)
        ?? throw new CapabilityMissingException(
            $"could not find \"{name}\" in one of [{string.Join(" ", directories)}]");

    /// <summary>A system tool (ip, iptables) by absolute path: PATH, then the sbin directories.</summary>
    public static string System(string name)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':');
        return Find(name, [.. path, .. SystemDirectories]);
    }
}
