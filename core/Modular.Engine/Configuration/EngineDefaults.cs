namespace Modular.Engine.Configuration;

/// <summary>Defaults when no file or flag says otherwise, matching Podman's where it has one.</summary>
internal static class EngineDefaults
{
    public const string GraphRoot = "/var/lib/modular";
    public const string RunRoot = "/run/modular";
    public const string StorageDriver = "overlay";
    public const string Runtime = "crun";
    public const string PluginDirectory = "/usr/lib/modular/plugins";
    public const string HelperDirectory = "/usr/lib/modular/libexec";

    /// <summary>containers-common's default capabilities (containers.conf), 11 of them.</summary>
    public static IReadOnlyList<string> Capabilities { get; } =
    [
        "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "NET_BIND_SERVICE",
        "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    ];

    public static IReadOnlyList<string> LogLevels { get; } =
        ["trace", "debug", "info", "warn", "error", "fatal", "panic"];

    /// <summary>systemd only when it is PID 1, as Podman decides; cgroupfs otherwise.</summary>
    public static string CgroupManager(string initCommPath)
    {
        try
        {
            return File.ReadAllText(initCommPath).Trim() == "systemd" ? "systemd" : "cgroupfs";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "cgroupfs";
        }
    }
}
