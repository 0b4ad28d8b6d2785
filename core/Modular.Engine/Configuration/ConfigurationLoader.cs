using Modular.Contracts.Errors;

namespace Modular.Engine.Configuration;

/// <summary>
/// Merges containers.conf, storage.conf, modular.conf, environment variables and global
/// flags (later wins) into the <see cref="EngineOptions"/> of one modpod process.
/// </summary>
public static class ConfigurationLoader
{
    /// <exception cref="InvalidInputException">A file or flag is invalid; the message names it.</exception>
    public static ConfigurationResult Load(GlobalFlags flags, ConfigSources sources)
    {
        var values = new ConfigValues();
        var containersConf = ConfigFileChain.ContainersConf(sources);
        var storageConf = ConfigFileChain.StorageConf(sources);
        var modularConf = ConfigFileChain.ModularConf(sources);

        ReadAll(containersConf, values, ContainersConfReader.Apply);
        ReadAll(storageConf is null ? [] : [storageConf], values, StorageConfReader.Apply);
        ReadAll(modularConf, values, ModularConfReader.Apply);

        var options = Build(flags, sources, values) with
        {
            ContainersConfFiles = containersConf,
            StorageConfFile = storageConf,
            ModularConfFiles = modularConf,
            ContainersConfPathsForDisplay = string.Join(", ", containersConf),
        };
        return new ConfigurationResult(options, values.Warnings);
    }

    private static void ReadAll(
        IEnumerable<string> files,
        ConfigValues values,
        Action<TomlFile, ConfigValues> apply)
    {
        foreach (var file in files)
        {
            apply(TomlFile.Load(file), values);
        }
    }

    private static EngineOptions Build(GlobalFlags flags, ConfigSources sources, ConfigValues values)
    {
        var graphRoot = Path.GetFullPath(flags.Root ?? values.GraphRoot ?? EngineDefaults.GraphRoot);
        var runRoot = Path.GetFullPath(flags.RunRoot ?? values.RunRoot ?? EngineDefaults.RunRoot);
        var driver = flags.StorageDriver ?? values.StorageDriver ?? EngineDefaults.StorageDriver;
        var (runtime, runtimePaths) = ChooseRuntime(flags.Runtime ?? values.Runtime, values.RuntimePaths);
        var storageOptions = StorageOptionFlags.Merge(driver, values, flags.StorageOptions ?? []);

        return new EngineOptions
        {
            GraphRoot = graphRoot,
            RunRoot = runRoot,
            StorageDriver = driver,
            StorageOptions = AdditionalImageStoreOptions.WithoutStores(storageOptions),
            AdditionalImageStores = AdditionalImageStoreOptions.Collect(driver, values, storageOptions),
            Runtime = runtime,
            RuntimePaths = runtimePaths,
            RuntimeFlags = values.RuntimeFlags.ToDictionary(
                pair => pair.Key, pair => RuntimeFlagArguments(pair.Value), StringComparer.Ordinal),
            RuntimeFlagsOverride = flags.RuntimeFlags is { Count: > 0 } given ? RuntimeFlagArguments(given) : null,
            DefaultMountsFile = flags.DefaultMountsFile is { } mountsFile
                ? Path.GetFullPath(mountsFile)
                : null,
            CgroupManager = ChooseCgroupManager(flags.CgroupManager ?? values.CgroupManager, sources),
            ConmonPaths = values.ConmonPaths ?? ["/usr/bin/conmon", "/usr/libexec/podman/conmon"],
            DefaultUlimits = values.DefaultUlimits ?? [],
            DefaultVolumes = values.DefaultVolumes ?? [],
            InfraImage = values.InfraImage,
            StaticDir = values.StaticDir,
            DefaultCapabilities = values.DefaultCapabilities ?? EngineDefaults.Capabilities,
            LogDriver = values.LogDriver ?? "k8s-file",
            LogSizeMax = values.LogSizeMax ?? -1,
            PidsLimit = values.PidsLimit ?? 2048,
            OomScoreAdj = values.OomScoreAdj is { } score ? (int)score : null,
            ReadOnly = values.ReadOnly ?? false,
            EventsLogFilePath = values.EventsLogFilePath ?? Path.Combine(runRoot, "events", "events.log"),
            DetachKeys = values.DetachKeys ?? Containers.DetachKeys.Default,
            ImageVolumeMode = values.ImageVolumeMode ?? "anonymous",
            // Podman: --hooks-dir replaces hooks_dir rather than adding to it.
            HooksDirectories = flags.HooksDirectories
                ?? values.HooksDirectories ?? SharedPaths.HooksDirectories,
            SeccompProfilePath = values.SeccompProfile ?? SharedPaths.DefaultSeccompProfile,
            PolicyPath = SharedPaths.PolicyPath,
            CertsDirectories = SharedPaths.CertsDirectories,
            Network = values.Network,
            Networking = NetworkConfReader.Build(values),
            PluginDirectories = values.PluginDirectories ?? [EngineDefaults.PluginDirectory],
            HookPlugins = values.HookPlugins ?? [],
            HelperDirectory = values.HelperDirectory ?? EngineDefaults.HelperDirectory,
            Checkpointer = values.Checkpointer ?? "criu",
            RegistriesConfPath = SharedPaths.RegistriesConf(sources),
            AuthFilePath = SharedPaths.AuthFile(sources),
            LogLevel = ChooseLogLevel(flags.LogLevel),
            GlobalArguments = RenderGlobalArguments(flags, graphRoot, runRoot),
            ConfigEnvironment = CaptureEnvironment(sources),
        };
    }

    // Podman accepts a path for --runtime; its file name is then the id, the path searched first.
    private static (string Id, IReadOnlyDictionary<string, IReadOnlyList<string>> Paths) ChooseRuntime(
        string? chosen,
        Dictionary<string, IReadOnlyList<string>> paths)
    {
        var runtime = string.IsNullOrEmpty(chosen) ? EngineDefaults.Runtime : chosen;
        if (!runtime.Contains('/'))
        {
            return (runtime, paths);
        }

        var id = Path.GetFileName(runtime);
        var merged = new Dictionary<string, IReadOnlyList<string>>(paths, StringComparer.Ordinal)
        {
            [id] = [runtime, .. paths.GetValueOrDefault(id) ?? []],
        };
        return (id, merged);
    }

    // Podman takes runtime flags without their dashes ("log-format=json") and adds "--".
    private static IReadOnlyList<string> RuntimeFlagArguments(IReadOnlyList<string> flags) =>
        [.. flags.Select(flag => flag.StartsWith('-') ? flag : "--" + flag)];

    private static string ChooseCgroupManager(string? chosen, ConfigSources sources)
    {
        var manager = string.IsNullOrEmpty(chosen)
            ? EngineDefaults.CgroupManager(sources.InitCommPath)
            : chosen;
        return manager is "cgroupfs" or "systemd"
            ? manager
            : throw new InvalidInputException(
                $"invalid cgroup manager \"{manager}\": must be \"cgroupfs\" or \"systemd\"");
    }

    private static string ChooseLogLevel(string? level)
    {
        var chosen = (level ?? "warn").ToLowerInvariant();
        chosen = chosen == "warning" ? "warn" : chosen;
        var known = string.Join(", ", EngineDefaults.LogLevels);
        return EngineDefaults.LogLevels.Contains(chosen)
            ? chosen
            : throw new InvalidInputException($"log level \"{level}\" is invalid: use one of {known}");
    }

    // --root and --runroot always, resolved, so conmon's exit command acts on this store.
    private static IReadOnlyList<string> RenderGlobalArguments(
        GlobalFlags flags,
        string graphRoot,
        string runRoot)
    {
        var arguments = new List<string> { "--root", graphRoot, "--runroot", runRoot };
        AddIfGiven(arguments, "--storage-driver", flags.StorageDriver);
        AddIfGiven(arguments, "--runtime", flags.Runtime);
        AddIfGiven(arguments, "--cgroup-manager", flags.CgroupManager);
        AddIfGiven(arguments, "--log-level", flags.LogLevel);
        foreach (var flag in flags.RuntimeFlags ?? [])
        {
            arguments.Add("--runtime-flag");
            arguments.Add(flag);
        }

        foreach (var directory in flags.HooksDirectories ?? [])
        {
            arguments.Add("--hooks-dir");
            arguments.Add(directory);
        }

        foreach (var option in flags.StorageOptions ?? [])
        {
            arguments.Add("--storage-opt");
            arguments.Add(option);
        }

        if (flags.Syslog)
        {
            arguments.Add("--syslog");
        }

        return arguments;
    }

    private static void AddIfGiven(List<string> arguments, string flag, string? value)
    {
        if (value is not null)
        {
            arguments.Add(flag);
            arguments.Add(value);
        }
    }

    private static IReadOnlyDictionary<string, string> CaptureEnvironment(ConfigSources sources)
    {
        var captured = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in ConfigEnvironmentVariables.All)
        {
            var value = sources.GetVariable(name);
            if (!string.IsNullOrEmpty(value))
            {
                captured[name] = value;
            }
        }

        return captured;
    }
}
