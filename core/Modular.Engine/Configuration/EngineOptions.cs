namespace Modular.Engine.Configuration;

/// <summary>
/// The configuration in force for one modpod process, after containers.conf, storage.conf,
/// modular.conf, environment variables and global flags were merged (later wins). Keys keep
/// Podman's meaning; the property names mirror the TOML keys.
/// </summary>
public sealed record EngineOptions
{
    /// <summary>storage.conf <c>graphroot</c>; default /var/lib/modular.</summary>
    public required string GraphRoot { get; init; }

    /// <summary>storage.conf <c>runroot</c>; default /run/modular.</summary>
    public required string RunRoot { get; init; }

    /// <summary>storage.conf <c>driver</c>; default overlay.</summary>
    public required string StorageDriver { get; init; }

    /// <summary>storage.conf <c>[storage.options.&lt;driver&gt;]</c> keys for the chosen driver.</summary>
    public IReadOnlyDictionary<string, string> StorageOptions { get; init; } =
        new Dictionary<string, string>();

    /// <summary>
    /// storage.conf <c>[storage.options] additionalimagestores</c> plus
    /// <c>--storage-opt additionalimagestore=DIR</c>: graph roots of read-only image stores,
    /// consulted after <see cref="GraphRoot"/> and never written. Added for Issue #9.
    /// </summary>
    public IReadOnlyList<string> AdditionalImageStores { get; init; } = [];

    /// <summary>containers.conf <c>[engine] runtime</c>; default crun.</summary>
    public required string Runtime { get; init; }

    /// <summary>containers.conf <c>[engine.runtimes]</c>: id to candidate paths.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RuntimePaths { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Flags for the OCI runtime, each already with its leading "--": --runtime-flag when
    /// given, else containers.conf <c>[engine.runtimes_flags]</c> by runtime id.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RuntimeFlags { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>--runtime-flag values (with "--"), for every runtime; they replace the config's.</summary>
    public IReadOnlyList<string>? RuntimeFlagsOverride { get; init; }

    /// <summary>containers.conf <c>[engine] cgroup_manager</c>; cgroupfs when PID 1 is not systemd.</summary>
    public required string CgroupManager { get; init; }

    /// <summary>containers.conf <c>[engine] conmon_path</c> candidates.</summary>
    public IReadOnlyList<string> ConmonPaths { get; init; } = ["/usr/bin/conmon", "/usr/libexec/podman/conmon"];

    /// <summary>containers.conf <c>[containers] default_ulimits</c>, e.g. <c>nofile=1024:2048</c>.</summary>
    public IReadOnlyList<string> DefaultUlimits { get; init; } = [];

    /// <summary>containers.conf <c>volumes</c>: -v values each container gets unless it mounts the same destination.</summary>
    public IReadOnlyList<string> DefaultVolumes { get; init; } = [];

    /// <summary>containers.conf <c>engine.infra_image</c>, or null for the locally built pause image.</summary>
    public string? InfraImage { get; init; }

    /// <summary>
    /// containers.conf <c>engine.static_dir</c>: where the container, pod and volume database
    /// lives; null means the graph root.
    /// </summary>
    public string? StaticDir { get; init; }

    /// <summary>The directory holding the database: <see cref="StaticDir"/> or the graph root.</summary>
    public string DatabaseRoot => StaticDir ?? GraphRoot;

    /// <summary>containers.conf <c>[containers] default_capabilities</c>.</summary>
    public required IReadOnlyList<string> DefaultCapabilities { get; init; }

    /// <summary>containers.conf <c>[containers] log_driver</c>; default k8s-file.</summary>
    public string LogDriver { get; init; } = "k8s-file";

    /// <summary>containers.conf <c>[containers] log_size_max</c>; -1 for no limit.</summary>
    public long LogSizeMax { get; init; } = -1;

    /// <summary>containers.conf <c>[containers] oom_score_adj</c>; null leaves the inherited score.</summary>
    public int? OomScoreAdj { get; init; }

    /// <summary>containers.conf <c>[containers] read_only</c>: root read-only unless --read-only=false.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>containers.conf <c>[containers] pids_limit</c>; Podman's default 2048, 0 or -1 for none.</summary>
    public long PidsLimit { get; init; } = 2048;

    /// <summary>containers.conf <c>[engine] events_logfile_path</c>; default runroot/events/events.log.</summary>
    public string? EventsLogFilePath { get; init; }

    /// <summary>containers.conf <c>[engine] detach_keys</c>; empty turns detaching off.</summary>
    public string DetachKeys { get; init; } = "ctrl-p,ctrl-q";

    /// <summary>containers.conf <c>[engine] tmp_dir</c> is not used; state lives under runroot.</summary>
    public string ContainersConfPathsForDisplay { get; init; } = "";

    /// <summary>modular.conf <c>plugin_dirs</c>: where plugin folders with manifests live.</summary>
    public IReadOnlyList<string> PluginDirectories { get; init; } = [];

    /// <summary>modular.conf <c>hook_plugins</c>: ids of hook providers to load.</summary>
    public IReadOnlyList<string> HookPlugins { get; init; } = [];

    /// <summary>modular.conf <c>helper_dir</c>: small executables Modular installs (launcher, wrappers).</summary>
    public string HelperDirectory { get; init; } = "/usr/lib/modular/libexec";

    /// <summary>modular.conf <c>checkpointer</c>: the id of the checkpointer plugin (CRIU).</summary>
    public string Checkpointer { get; init; } = "criu";

    /// <summary>registries.conf path in force (shared with Podman), or null for the default chain.</summary>
    public string? RegistriesConfPath { get; init; }

    /// <summary>auth.json in force (shared with Podman): REGISTRY_AUTH_FILE or the default.</summary>
    public string? AuthFilePath { get; init; }

    /// <summary>
    /// containers.conf <c>[engine] image_volume_mode</c>: what an image's VOLUME entries become
    /// when run has no --image-volume (anonymous/bind, tmpfs or ignore).
    /// </summary>
    public string ImageVolumeMode { get; init; } = "anonymous";

    /// <summary>--log-level: error, warn, info, debug, trace.</summary>
    public string LogLevel { get; init; } = "warn";

    /// <summary>
    /// The global flags and config variables of this process, as they must be repeated in
    /// conmon's exit command so cleanup acts on the same store with the same configuration.
    /// </summary>
    public IReadOnlyList<string> GlobalArguments { get; init; } = [];

    /// <summary>
    /// <c>--default-mounts-file</c>: SOURCE:DEST lines bound into every container (see
    /// Containers.DefaultMounts); null for none. Added for Issue #9.
    /// </summary>
    public string? DefaultMountsFile { get; init; }

    /// <summary>containers.conf <c>[engine] hooks_dir</c>: OCI hooks folders (shared with Podman).</summary>
    public IReadOnlyList<string> HooksDirectories { get; init; } = [];

    /// <summary>containers.conf <c>[containers] seccomp_profile</c> (shared with Podman).</summary>
    public string SeccompProfilePath { get; init; } = "/usr/share/containers/seccomp.json";

    /// <summary>policy.json in force (shared with Podman, read-only).</summary>
    public string PolicyPath { get; init; } = "/etc/containers/policy.json";

    /// <summary>certs.d folders (shared with Podman, read-only).</summary>
    public IReadOnlyList<string> CertsDirectories { get; init; } = [];

    /// <summary>containers.conf <c>[network]</c> string keys as written (see <see cref="Networking"/>).</summary>
    public IReadOnlyDictionary<string, string> Network { get; init; } =
        new Dictionary<string, string>();

    /// <summary>containers.conf <c>[network]</c> and <c>helper_binaries_dir</c>, typed, with defaults.</summary>
    public NetworkOptions Networking { get; init; } = new();

    /// <summary>The containers.conf files read, in order.</summary>
    public IReadOnlyList<string> ContainersConfFiles { get; init; } = [];

    /// <summary>The storage.conf read, or null when none exists (defaults apply).</summary>
    public string? StorageConfFile { get; init; }

    /// <summary>The modular.conf files read, in order.</summary>
    public IReadOnlyList<string> ModularConfFiles { get; init; } = [];

    /// <summary>Environment variables (name=value) that chose configuration files, for the exit command.</summary>
    public IReadOnlyDictionary<string, string> ConfigEnvironment { get; init; } =
        new Dictionary<string, string>();
}
