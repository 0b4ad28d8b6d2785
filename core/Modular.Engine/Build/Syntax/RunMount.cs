namespace Modular.Engine.Build.Syntax;

/// <summary>
/// One <c>RUN --mount=type=...,k=v</c>. Typed members cover the keys buildah knows for
/// bind, cache, tmpfs, secret and ssh mounts (aliases folded: <c>src</c>, <c>dst</c>,
/// <c>destination</c>, <c>readonly</c>); <see cref="Options"/> keeps every key as written,
/// in order, for what the executor wants beyond them (relabel, bind-propagation...).
/// </summary>
public sealed record RunMount(string Type, IReadOnlyList<KeyValuePair<string, string?>> Options)
{
    public const string Bind = "bind";
    public const string Cache = "cache";
    public const string Tmpfs = "tmpfs";
    public const string Secret = "secret";
    public const string Ssh = "ssh";

    public string? Target { get; init; }

    public string? Source { get; init; }

    /// <summary>A stage name or index, or an image, to take the bind or cache source from.</summary>
    public string? From { get; init; }

    /// <summary>Bind mounts default to read-only, the others to read-write.</summary>
    public bool ReadOnly { get; init; }

    public string? Id { get; init; }

    /// <summary>Cache sharing: shared (default), private or locked.</summary>
    public string? Sharing { get; init; }

    /// <summary>Octal file mode as written, e.g. 0755.</summary>
    public string? Mode { get; init; }

    public int? Uid { get; init; }

    public int? Gid { get; init; }

    /// <summary>For secret and ssh mounts: fail the build when the secret is missing.</summary>
    public bool Required { get; init; }

    /// <summary>For tmpfs mounts: the size in bytes, if given.</summary>
    public long? Size { get; init; }

    /// <summary>For secret mounts: expose the secret as this environment variable.</summary>
    public string? Env { get; init; }
}
