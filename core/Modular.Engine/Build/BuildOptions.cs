using Modular.Engine.Containers;

namespace Modular.Engine.Build;

/// <summary>The flags of <c>build</c>, parsed; paths are absolute.</summary>
/// <param name="ContextDirectory">The build context (a directory; a tar was unpacked already).</param>
/// <param name="Containerfile">The Containerfile's text (from <c>-f</c>, the context or stdin).</param>
/// <param name="Output">Where STEP lines, command output and COMMIT lines go (stdout).</param>
/// <param name="Warnings">Where buildah's warnings go (stderr).</param>
public sealed record BuildOptions(
    string ContextDirectory,
    string Containerfile,
    TextWriter Output,
    TextWriter Warnings)
{
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();
    public string? Target { get; init; }
    public bool NoCache { get; init; }
    public bool Layers { get; init; } = true;
    public PullPolicyMode Pull { get; init; } = PullPolicyMode.Missing;
    public bool Docker { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public IReadOnlyList<string> Annotations { get; init; } = [];
    public IReadOnlyList<string> Env { get; init; } = [];
    public bool Squash { get; init; }
    public bool SquashAll { get; init; }
    public bool OmitHistory { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public bool Quiet { get; init; }
    public string? Network { get; init; }
    public IReadOnlyList<string> Volumes { get; init; } = [];

    /// <summary><c>--secret id=ID,src=PATH</c>: secret ids to the files holding them.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--platform</c> as typed; only the host's platform is built.</summary>
    public string? Platform { get; init; }

    /// <summary><c>--ignorefile</c>, or null for the file next to the Containerfile or in the context.</summary>
    public string? IgnoreFile { get; init; }

    /// <summary>The <c>-f</c> paths as given, to find <c>NAME.containerignore</c> beside them.</summary>
    public IReadOnlyList<string> ContainerfilePaths { get; init; } = [];

    /// <summary><c>--runtime</c> for RUN steps, or null for the configured one.</summary>
    public string? Runtime { get; init; }

    /// <summary>--ulimit, --security-opt, --cap-*, --dns* for the RUN steps' containers.</summary>
    public BuildContainerSettings Containers { get; init; } = new();

    /// <summary><c>--authfile</c> and <c>--tls-verify</c> for pulling base images.</summary>
    public string? AuthFile { get; init; }

    public bool? TlsVerify { get; init; }

    /// <summary>The engine's --default-mounts-file, whose mount points no layer keeps.</summary>
    public string? DefaultMountsFile { get; init; }

    /// <summary>Where RUN steps' own output goes (the process's stdout and stderr).</summary>
    public Func<Stream> OpenStdout { get; init; } = Console.OpenStandardOutput;

    public Func<Stream> OpenStderr { get; init; } = Console.OpenStandardError;
}
