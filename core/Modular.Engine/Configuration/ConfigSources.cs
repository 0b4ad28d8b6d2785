namespace Modular.Engine.Configuration;

/// <summary>
/// Where configuration comes from: the environment, the user's home and the system
/// folders. Tests point these at temporary folders; <see cref="FromProcess"/> is the truth.
/// </summary>
/// <param name="GetVariable">Reads an environment variable; null when unset.</param>
/// <param name="HomeDirectory">The user's home, for ~/.config/modular.</param>
/// <param name="IsRoot">Whether the effective user is root.</param>
/// <param name="ShareDirectory">Shipped defaults, /usr/share/modular.</param>
/// <param name="EtcDirectory">System files, /etc/modular.</param>
/// <param name="InitCommPath">/proc/1/comm, to choose the cgroup manager.</param>
public sealed record ConfigSources(
    Func<string, string?> GetVariable,
    string HomeDirectory,
    bool IsRoot,
    string ShareDirectory = "/usr/share/modular",
    string EtcDirectory = "/etc/modular",
    string InitCommPath = "/proc/1/comm")
{
    /// <summary>The sources of this process.</summary>
    public static ConfigSources FromProcess() => new(
        Environment.GetEnvironmentVariable,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        NativeUser.IsRoot());

    /// <summary>
    /// ~/.config/modular, honouring XDG_CONFIG_HOME as Podman does for its own; null without
    /// a home, so a relative path never reads files from the working directory.
    /// </summary>
    public string? UserConfigDirectory
    {
        get
        {
            var xdg = GetVariable("XDG_CONFIG_HOME");
            if (!string.IsNullOrEmpty(xdg))
            {
                return Path.Combine(xdg, "modular");
            }

            return Path.IsPathRooted(HomeDirectory)
                ? Path.Combine(HomeDirectory, ".config", "modular")
                : null;
        }
    }
}
