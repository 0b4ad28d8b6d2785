namespace Modular.Engine.Configuration;

/// <summary>
/// The values read so far while walking the configuration chain; a later file overwrites
/// what an earlier one set, key by key. Null means "not set by any file".
/// </summary>
internal sealed class ConfigValues
{
    public string? Runtime { get; set; }

    public Dictionary<string, IReadOnlyList<string>> RuntimePaths { get; } = new(StringComparer.Ordinal);

    /// <summary>[engine.runtimes_flags]: runtime id to flags, without their leading "--".</summary>
    public Dictionary<string, IReadOnlyList<string>> RuntimeFlags { get; } = new(StringComparer.Ordinal);

    public string? CgroupManager { get; set; }

    public IReadOnlyList<string>? ConmonPaths { get; set; }

    public string? EventsLogFilePath { get; set; }

    public string? DetachKeys { get; set; }

    public string? ImageVolumeMode { get; set; }

    public IReadOnlyList<string>? HooksDirectories { get; set; }

    public IReadOnlyList<string>? DefaultUlimits { get; set; }

    /// <summary>containers.conf <c>volumes</c>: -v values every container gets.</summary>
    public IReadOnlyList<string>? DefaultVolumes { get; set; }

    /// <summary>containers.conf <c>engine.infra_image</c>.</summary>
    public string? InfraImage { get; set; }

    /// <summary>containers.conf <c>engine.static_dir</c>.</summary>
    public string? StaticDir { get; set; }

    public IReadOnlyList<string>? DefaultCapabilities { get; set; }

    public string? LogDriver { get; set; }

    public long? LogSizeMax { get; set; }

    public long? PidsLimit { get; set; }

    /// <summary>[containers] oom_score_adj.</summary>
    public long? OomScoreAdj { get; set; }

    /// <summary>[containers] read_only.</summary>
    public bool? ReadOnly { get; set; }

    public string? SeccompProfile { get; set; }

    /// <summary>containers.conf <c>[network]</c> string keys.</summary>
    public Dictionary<string, string> Network { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string>? CniPluginDirs { get; set; }

    public IReadOnlyList<SubnetPool>? SubnetPools { get; set; }

    public IReadOnlyList<string>? HelperBinariesDir { get; set; }

    public string? StorageDriver { get; set; }

    public string? GraphRoot { get; set; }

    public string? RunRoot { get; set; }

    /// <summary>storage.conf <c>[storage.options] additionalimagestores</c>: read-only graph roots.</summary>
    public IReadOnlyList<string>? AdditionalImageStores { get; set; }

    /// <summary>storage.conf <c>[storage.options.&lt;driver&gt;]</c>, per driver.</summary>
    public Dictionary<string, Dictionary<string, string>> DriverOptions { get; } =
        new(StringComparer.Ordinal);

    public IReadOnlyList<string>? PluginDirectories { get; set; }

    public IReadOnlyList<string>? HookPlugins { get; set; }

    public string? HelperDirectory { get; set; }

    public string? Checkpointer { get; set; }

    public List<string> Warnings { get; } = [];
}
