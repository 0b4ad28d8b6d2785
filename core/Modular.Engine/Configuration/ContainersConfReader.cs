using Tomlyn.Model;

namespace Modular.Engine.Configuration;

/// <summary>
/// Reads the keys of containers.conf that Modular uses, with Podman's meaning. Keys Podman
/// knows but Modular does not use yet are reported as warnings, never silently honoured.
/// </summary>
internal static class ContainersConfReader
{
    private static readonly HashSet<string> KnownEngineKeys =
        ["runtime", "runtimes", "cgroup_manager", "conmon_path", "events_logfile_path",
         "events_logger", "hooks_dir", "helper_binaries_dir", "detach_keys", "image_volume_mode",
         "infra_image", "runtimes_flags", "static_dir"];

    private static readonly HashSet<string> KnownContainersKeys =
        ["default_ulimits", "default_capabilities", "log_driver", "log_size_max", "seccomp_profile",
         "pids_limit", "volumes", "oom_score_adj", "read_only"];

    public static void Apply(TomlFile file, ConfigValues values)
    {
        WarnUnknownSections(file, values, "containers", "engine", "network");
        ApplyEngine(file, values);
        ApplyContainers(file, values);
        ApplyNetwork(file, values);
    }

    private static void ApplyEngine(TomlFile file, ConfigValues values)
    {
        var engine = file.Table("engine");
        if (engine is null)
        {
            return;
        }

        WarnUnknownKeys(file, values, engine, "engine", KnownEngineKeys);
        values.Runtime = file.GetString(engine, "engine", "runtime") ?? values.Runtime;
        values.CgroupManager = file.GetString(engine, "engine", "cgroup_manager") ?? values.CgroupManager;
        values.ConmonPaths = file.GetStringList(engine, "engine", "conmon_path") ?? values.ConmonPaths;
        values.EventsLogFilePath =
            file.GetString(engine, "engine", "events_logfile_path") ?? values.EventsLogFilePath;
        values.HooksDirectories =
            file.GetStringList(engine, "engine", "hooks_dir") ?? values.HooksDirectories;
        values.DetachKeys = file.GetString(engine, "engine", "detach_keys") ?? values.DetachKeys;
        values.ImageVolumeMode =
            file.GetString(engine, "engine", "image_volume_mode") ?? values.ImageVolumeMode;
        values.InfraImage = file.GetString(engine, "engine", "infra_image") ?? values.InfraImage;
        values.StaticDir = file.GetString(engine, "engine", "static_dir") ?? values.StaticDir;
        CheckEventsLogger(file, engine, values);

        var runtimes = file.Table("engine.runtimes");
        foreach (var (id, paths) in runtimes ?? [])
        {
            values.RuntimePaths[id] = file.ToStringList(paths, $"engine.runtimes.{id}");
        }

        foreach (var (id, flags) in file.Table("engine.runtimes_flags") ?? [])
        {
            values.RuntimeFlags[id] = file.ToStringList(flags, $"engine.runtimes_flags.{id}");
        }
    }

    // Only the file logger exists; journald needs systemd, which this host may lack.
    private static void CheckEventsLogger(TomlFile file, TomlTable engine, ConfigValues values)
    {
        var logger = file.GetString(engine, "engine", "events_logger");
        if (logger is not null && logger != "file")
        {
            values.Warnings.Add(
                $"{file.Path}: events_logger \"{logger}\" is not supported; using \"file\"");
        }
    }

    private static void ApplyContainers(TomlFile file, ConfigValues values)
    {
        var containers = file.Table("containers");
        if (containers is null)
        {
            return;
        }

        const string section = "containers";
        WarnUnknownKeys(file, values, containers, section, KnownContainersKeys);
        values.DefaultUlimits =
            file.GetStringList(containers, section, "default_ulimits") ?? values.DefaultUlimits;
        values.DefaultCapabilities =
            file.GetStringList(containers, section, "default_capabilities") ?? values.DefaultCapabilities;
        values.LogDriver = file.GetString(containers, section, "log_driver") ?? values.LogDriver;
        values.LogSizeMax = file.GetInteger(containers, section, "log_size_max") ?? values.LogSizeMax;
        values.SeccompProfile =
            file.GetString(containers, section, "seccomp_profile") ?? values.SeccompProfile;
        values.PidsLimit = file.GetInteger(containers, section, "pids_limit") ?? values.PidsLimit;
        values.DefaultVolumes = file.GetStringList(containers, section, "volumes") ?? values.DefaultVolumes;
        values.OomScoreAdj = file.GetInteger(containers, section, "oom_score_adj") ?? values.OomScoreAdj;
        values.ReadOnly = file.GetBool(containers, section, "read_only") ?? values.ReadOnly;
    }

    // [network] and helper_binaries_dir, typed, for the network service.
    private static void ApplyNetwork(TomlFile file, ConfigValues values) =>
        NetworkConfReader.Apply(file, values);

    internal static void WarnUnknownSections(TomlFile file, ConfigValues values, params string[] known)
    {
        foreach (var key in file.Root.Keys.Where(k => !known.Contains(k)))
        {
            values.Warnings.Add($"{file.Path}: ignoring unsupported key \"{key}\"");
        }
    }

    internal static void WarnUnknownKeys(
        TomlFile file,
        ConfigValues values,
        TomlTable table,
        string section,
        IReadOnlySet<string> known)
    {
        foreach (var key in table.Keys.Where(k => !known.Contains(k)))
        {
            values.Warnings.Add($"{file.Path}: ignoring unsupported key \"{section}.{key}\"");
        }
    }
}
