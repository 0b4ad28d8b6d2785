using Xunit;
using Modular.Contracts.Errors;
using Modular.Engine.Configuration;

namespace Modular.Engine.Tests.Configuration;

public sealed class ConfigurationLoaderTests : IDisposable
{
    private readonly ConfigFixture _config = new();

    public void Dispose() => _config.Dispose();

    [Fact]
    public void Without_files_the_defaults_are_modulars_own_store_crun_and_overlay()
    {
        var options = _config.Load().Options;

        Assert.Equal("/var/lib/modular", options.GraphRoot);
        Assert.Equal("/run/modular", options.RunRoot);
        Assert.Equal("overlay", options.StorageDriver);
        Assert.Equal("crun", options.Runtime);
        Assert.Equal("cgroupfs", options.CgroupManager);
        Assert.Equal(11, options.DefaultCapabilities.Count);
        Assert.Equal("/run/modular/events/events.log", options.EventsLogFilePath);
        Assert.Equal(["/usr/lib/modular/plugins"], options.PluginDirectories);
        Assert.Equal("/usr/lib/modular/libexec", options.HelperDirectory);
        Assert.Equal(["--root", "/var/lib/modular", "--runroot", "/run/modular"], options.GlobalArguments);
    }

    [Fact]
    public void Systemd_is_the_cgroup_manager_only_when_it_is_pid_1()
    {
        File.WriteAllText(_config.InitComm, "systemd\n");

        Assert.Equal("systemd", _config.Load().Options.CgroupManager);
    }

    [Fact]
    public void Later_files_of_the_chain_win_key_by_key()
    {
        _config.Write(
            "share/containers.conf",
            "[engine]\nruntime = \"runc\"\n[containers]\nlog_size_max = 10\n");
        _config.Write("etc/containers.conf", "[engine]\nruntime = \"crun\"\n");
        _config.Write("etc/containers.conf.d/20-b.conf", "[containers]\nlog_driver = \"none\"\n");
        _config.Write("etc/containers.conf.d/10-a.conf", "[containers]\nlog_driver = \"passthrough\"\n");

        var options = _config.Load().Options;

        Assert.Equal("crun", options.Runtime);
        Assert.Equal(10, options.LogSizeMax);
        Assert.Equal("none", options.LogDriver);
        Assert.Equal(4, options.ContainersConfFiles.Count);
    }

    [Fact]
    public void Containers_conf_replaces_the_chain_and_the_override_is_read_last()
    {
        _config.Write("etc/containers.conf", "[containers]\nlog_driver = \"none\"\n");
        var replacement = _config.Write("mine.conf", "[engine]\nruntime = \"runc\"\n");
        var overrides = _config.Write("override.conf", "[engine]\nevents_logfile_path = \"/tmp/x.log\"\n");
        _config.Environment["CONTAINERS_CONF"] = replacement;
        _config.Environment["CONTAINERS_CONF_OVERRIDE"] = overrides;

        var options = _config.Load().Options;

        Assert.Equal("runc", options.Runtime);
        Assert.Equal("k8s-file", options.LogDriver);
        Assert.Equal("/tmp/x.log", options.EventsLogFilePath);
        Assert.Equal(replacement, options.ConfigEnvironment["CONTAINERS_CONF"]);
        Assert.Equal(overrides, options.ConfigEnvironment["CONTAINERS_CONF_OVERRIDE"]);
    }

    [Fact]
    public void A_missing_containers_conf_named_by_the_environment_is_an_error()
    {
        _config.Environment["CONTAINERS_CONF"] = Path.Combine(_config.Root, "absent.conf");

        var error = Assert.Throws<InvalidInputException>(() => _config.Load());

        Assert.Contains("CONTAINERS_CONF", error.Message);
    }

    [Fact]
    public void A_users_own_containers_conf_counts_only_for_non_root()
    {
        _config.Write("home/.config/modular/containers.conf", "[engine]\nruntime = \"runc\"\n");

        Assert.Equal("crun", _config.Load().Options.Runtime);
        _config.IsRoot = false;
        Assert.Equal("runc", _config.Load().Options.Runtime);
    }

    [Fact]
    public void Storage_conf_in_etc_replaces_the_shipped_one_and_the_variable_replaces_both()
    {
        _config.Write("share/storage.conf", "[storage]\ndriver = \"overlay\"\ngraphroot = \"/a\"\n");
        _config.Write("etc/storage.conf", "[storage]\ndriver = \"vfs\"\n[storage.options.vfs]\nx = \"1\"\n");

        var fromEtc = _config.Load().Options;
        _config.Environment["CONTAINERS_STORAGE_CONF"] =
            _config.Write("s.conf", "[storage]\ngraphroot = \"/g\"\nrunroot = \"/r\"\n");
        var fromVariable = _config.Load().Options;

        Assert.Equal("vfs", fromEtc.StorageDriver);
        Assert.Equal("/var/lib/modular", fromEtc.GraphRoot);
        Assert.Equal("1", fromEtc.StorageOptions["x"]);
        Assert.Equal(
            ("overlay", "/g", "/r"),
            (fromVariable.StorageDriver, fromVariable.GraphRoot, fromVariable.RunRoot));
    }

    [Fact]
    public void Global_flags_win_over_files_and_are_repeated_for_the_exit_command()
    {
        _config.Write("etc/storage.conf", "[storage]\ndriver = \"vfs\"\n");
        var flags = new GlobalFlags(
            Root: "/tmp/g", RunRoot: "/tmp/r", StorageDriver: "overlay", Runtime: "runc",
            LogLevel: "debug", StorageOptions: ["overlay.mountopt=nodev", "vfs.ignored=1"]);

        var result = _config.Load(flags);

        var options = result.Options;
        Assert.Equal(("overlay", "runc", "debug"), (options.StorageDriver, options.Runtime, options.LogLevel));
        Assert.Equal("nodev", result.Options.StorageOptions["mountopt"]);
        Assert.Equal(
            ["--root", "/tmp/g", "--runroot", "/tmp/r", "--storage-driver", "overlay", "--runtime", "runc",
             "--log-level", "debug",
             "--storage-opt", "overlay.mountopt=nodev", "--storage-opt", "vfs.ignored=1"],
            result.Options.GlobalArguments);
        Assert.Contains(result.Warnings, w => w.Contains("vfs.ignored=1"));
    }

    [Fact]
    public void A_runtime_given_as_a_path_is_searched_there_first()
    {
        var options = _config.Load(new GlobalFlags(Runtime: "/opt/bin/runc")).Options;

        Assert.Equal("runc", options.Runtime);
        Assert.Equal("/opt/bin/runc", options.RuntimePaths["runc"][0]);
    }

    [Fact]
    public void A_key_of_the_wrong_type_is_refused_naming_the_file_and_the_key()
    {
        var file = _config.Write("etc/containers.conf", "[engine]\nruntime = 3\n");

        var error = Assert.Throws<InvalidInputException>(() => _config.Load());

        Assert.Equal($"{file}: key \"engine.runtime\" must be a string", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_toml_is_refused_naming_the_file()
    {
        var file = _config.Write("etc/containers.conf", "[engine\nruntime = \"runc\"\n");

        var error = Assert.Throws<InvalidInputException>(() => _config.Load());

        Assert.StartsWith($"parsing {file}:", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_unknown_key_is_a_warning_and_loading_carries_on()
    {
        _config.Write("etc/containers.conf", "[engine]\nruntime = \"runc\"\nno_such_key = 1\n");

        var result = _config.Load();

        Assert.Equal("runc", result.Options.Runtime);
        Assert.Contains(result.Warnings, w => w.Contains("\"engine.no_such_key\""));
    }

    [Fact]
    public void Modular_conf_variable_chooses_plugin_folders_and_hooks()
    {
        _config.Write("etc/modular.conf", "[modular]\nplugin_dirs = [\"/nowhere\"]\n");
        _config.Environment["MODULAR_CONF"] = _config.Write(
            "m.conf", "[modular]\nplugin_dirs = [\"/p\"]\nhook_plugins = [\"h\"]\nhelper_dir = \"/x\"\n");

        var options = _config.Load().Options;

        Assert.Equal(["/p"], options.PluginDirectories);
        Assert.Equal(["h"], options.HookPlugins);
        Assert.Equal("/x", options.HelperDirectory);
    }

    [Fact]
    public void Modular_conf_chooses_the_checkpointer_and_criu_is_the_default()
    {
        var defaults = _config.Load().Options;
        _config.Environment["MODULAR_CONF"] = _config.Write("m.conf", "[modular]\ncheckpointer = \"other\"\n");

        var result = _config.Load();

        Assert.Equal("criu", defaults.Checkpointer);
        Assert.Equal("other", result.Options.Checkpointer);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("checkpointer"));
    }

    [Fact]
    public void Shared_podman_files_are_resolved_from_the_environment()
    {
        _config.Environment["CONTAINERS_REGISTRIES_CONF"] = "/tmp/registries.conf";
        _config.Environment["REGISTRY_AUTH_FILE"] = "/tmp/auth.json";

        var options = _config.Load().Options;

        Assert.Equal("/tmp/registries.conf", options.RegistriesConfPath);
        Assert.Equal("/tmp/auth.json", options.AuthFilePath);
        Assert.Equal("/etc/containers/policy.json", options.PolicyPath);
    }

    [Fact]
    public void The_shipped_default_files_load_without_warnings()
    {
        var shipped = Path.Combine(RepositoryRoot(), "config");
        foreach (var name in new[] { "containers.conf", "storage.conf", "modular.conf" })
        {
            File.Copy(Path.Combine(shipped, name), Path.Combine(_config.Share, name));
        }

        var result = _config.Load();

        Assert.Empty(result.Warnings);
        var options = result.Options;
        Assert.Equal(("crun", "overlay", "k8s-file"), (options.Runtime, options.StorageDriver, options.LogDriver));
        Assert.Empty(result.Options.DefaultUlimits);
        Assert.Equal(11, result.Options.DefaultCapabilities.Count);
    }

    [Fact]
    public async Task A_non_root_user_is_refused_in_one_line_except_for_commands_without_a_store()
    {
        _config.IsRoot = false;

        var error = Assert.Throws<CapabilityMissingException>(
            () => EngineHost.Create(new GlobalFlags(), needsStore: true, _config.Sources));
        await using var host = EngineHost.Create(new GlobalFlags(), needsStore: false, _config.Sources);

        Assert.Equal("rootless mode is not supported yet", error.Message);
        Assert.NotNull(host.Services);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Modular.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException("Modular.sln not found above the tests");
    }
}
