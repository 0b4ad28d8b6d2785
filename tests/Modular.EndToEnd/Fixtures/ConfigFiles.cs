namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// Writes the config files a fixture's modpod reads through CONTAINERS_CONF,
/// CONTAINERS_STORAGE_CONF, CONTAINERS_REGISTRIES_CONF and MODULAR_CONF, so nothing
/// from /etc or the user's home changes what a test sees.
/// </summary>
internal static class ConfigFiles
{
    public static void Write(string dir, StoreOptions options)
    {
        var engine = string.Join("\n", options.ExtraEngineLines ?? []);
        var tables = string.Join("\n", options.ExtraTables ?? []);
        File.WriteAllText(Path.Combine(dir, "containers.conf"), $"""
            [containers]
            # Podman's defaults exceed this host's hard limits; the engine clamps anyway.
            default_ulimits = []
            log_driver = "k8s-file"

            [engine]
            runtime = "{options.Runtime ?? MatrixCell.Runtime}"
            cgroup_manager = "cgroupfs"
            events_logfile_path = "{dir}/events/events.log"
            {engine}

            {tables}
            """);
        File.WriteAllText(Path.Combine(dir, "storage.conf"), $"""
            [storage]
            driver = "{options.Driver ?? MatrixCell.Driver}"
            graphroot = "{dir}/root"
            runroot = "{dir}/runroot"
            """);

        // No unqualified search: a short name must never send a request off this host.
        File.WriteAllText(Path.Combine(dir, "registries.conf"), """
            unqualified-search-registries = []
            short-name-mode = "disabled"
            """);
        // Podman refuses a REGISTRY_AUTH_FILE that does not exist; an empty one is "no auth".
        File.WriteAllText(Path.Combine(dir, "auth.json"), "{\"auths\":{}}\n");
        var pluginDirs = new[] { RepositoryPaths.Plugins }.Concat(options.ExtraPluginDirs ?? []);
        File.WriteAllText(Path.Combine(dir, "modular.conf"), $"""
            [modular]
            plugin_dirs = [{string.Join(", ", pluginDirs.Select(d => $"\"{d}\""))}]
            helper_dir = "{dir}/libexec"
            """);
    }
}
