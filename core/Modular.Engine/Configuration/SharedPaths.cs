namespace Modular.Engine.Configuration;

/// <summary>
/// Files shared read-only with Podman, at Podman's paths. Modular resolves and exposes them;
/// it never writes them.
/// </summary>
internal static class SharedPaths
{
    public const string PolicyPath = "/etc/containers/policy.json";
    public const string DefaultSeccompProfile = "/usr/share/containers/seccomp.json";

    public static IReadOnlyList<string> CertsDirectories { get; } =
        ["/etc/containers/certs.d", "/etc/docker/certs.d"];

    public static IReadOnlyList<string> HooksDirectories { get; } =
        ["/usr/share/containers/oci/hooks.d", "/etc/containers/oci/hooks.d"];

    public static string RegistriesConf(ConfigSources sources) =>
        NonEmpty(sources.GetVariable(ConfigEnvironmentVariables.RegistriesConf))
        ?? "/etc/containers/registries.conf";

    // containers/image: REGISTRY_AUTH_FILE, else $XDG_RUNTIME_DIR/containers/auth.json,
    // else /run/containers/<uid>/auth.json (root's is uid 0).
    public static string AuthFile(ConfigSources sources)
    {
        var chosen = NonEmpty(sources.GetVariable(ConfigEnvironmentVariables.AuthFile));
        if (chosen is not null)
        {
            return chosen;
        }

        var runtimeDir = NonEmpty(sources.GetVariable("XDG_RUNTIME_DIR"));
        return runtimeDir is not null
            ? Path.Combine(runtimeDir, "containers", "auth.json")
            : "/run/containers/0/auth.json";
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
