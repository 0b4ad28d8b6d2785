namespace Modular.Hooks;

/// <summary>
/// The stages a hooks.d file may name: the OCI runtime spec's six, which go into config.json
/// for the runtime to run, and Podman's <c>precreate</c> extension, which the engine runs
/// itself on the proposed spec before it is written.
/// </summary>
public static class HookStages
{
    public const string Precreate = "precreate";
    public const string Prestart = "prestart";
    public const string CreateRuntime = "createRuntime";
    public const string CreateContainer = "createContainer";
    public const string StartContainer = "startContainer";
    public const string Poststart = "poststart";
    public const string Poststop = "poststop";

    /// <summary>The spec's stages, in the order a container passes through them.</summary>
    public static IReadOnlyList<string> Runtime { get; } =
        [Prestart, CreateRuntime, CreateContainer, StartContainer, Poststart, Poststop];

    /// <summary>Every stage a file may name.</summary>
    public static IReadOnlySet<string> Known { get; } =
        new HashSet<string>([Precreate, .. Runtime], StringComparer.Ordinal);
}
