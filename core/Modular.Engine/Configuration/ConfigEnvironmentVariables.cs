namespace Modular.Engine.Configuration;

/// <summary>The environment variables that choose configuration files, as in Podman.</summary>
public static class ConfigEnvironmentVariables
{
    public const string ContainersConf = "CONTAINERS_CONF";
    public const string ContainersConfOverride = "CONTAINERS_CONF_OVERRIDE";
    public const string StorageConf = "CONTAINERS_STORAGE_CONF";
    public const string RegistriesConf = "CONTAINERS_REGISTRIES_CONF";
    public const string AuthFile = "REGISTRY_AUTH_FILE";
    public const string ModularConf = "MODULAR_CONF";

    /// <summary>All of them, in the order they are repeated in conmon's exit command.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ContainersConf, ContainersConfOverride, StorageConf, RegistriesConf, AuthFile, ModularConf];
}
