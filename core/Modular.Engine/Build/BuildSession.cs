using Modular.Engine.Build.Syntax;
using Modular.Engine.Commit;
using Modular.Engine.Containers;
using Modular.Engine.Images;

namespace Modular.Engine.Build;

/// <summary>
/// One build's shared state: its options and services, the images each finished stage
/// committed, the intermediate images it made and the lines it prints.
/// </summary>
internal sealed class BuildSession(
    BuildOptions options,
    Containerfile file,
    BuildServices services)
{
    private Dictionary<string, string>? _annotations;

    public BuildOptions Options { get; } = options;
    public Containerfile File { get; } = file;
    public BuildServices Services { get; } = services;

    /// <summary>Image id each built stage ended with, by stage index.</summary>
    public Dictionary<int, string> StageImages { get; } = [];

    /// <summary>The image each built stage started FROM (null for scratch), by index.</summary>
    public Dictionary<int, string?> StageBases { get; } = [];

    /// <summary>Images committed by this build, for <c>--layers=false</c> to remove.</summary>
    public List<string> Committed { get; } = [];

    /// <summary>The build args, global ARGs and predefined args; one scope per stage.</summary>
    public required BuildArgs Args { get; init; }

    /// <summary>The stored names of <c>-t</c>, with localhost/ and :latest added.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>The context's .containerignore or .dockerignore rules.</summary>
    public IgnoreRules Ignore { get; init; } = IgnoreRules.None;

    /// <summary>
    /// --annotation K=V for the manifest of the image being built; keys sorted, as Go writes
    /// a map, and the last value of a key wins.
    /// </summary>
    public IReadOnlyDictionary<string, string> Annotations => _annotations ??= Options.Annotations
        .Select(a => a.Split('=', 2))
        .GroupBy(p => p[0], StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .ToDictionary(
            g => g.Key, g => g.Last().Length > 1 ? g.Last()[1] : "", StringComparer.Ordinal);

    public bool UseCache => Options.Layers && !Options.NoCache;

    /// <summary>A progress line (STEP, COMMIT, -->), dropped with <c>-q</c>.</summary>
    public void Say(string line)
    {
        if (!Options.Quiet)
        {
            Options.Output.WriteLine(line);
            Options.Output.Flush();
        }
    }

    public void Warn(string message) => Options.Warnings.WriteLine($"WARN[0000] {message}");
}

/// <summary>The engine services a build uses.</summary>
internal sealed record BuildServices(
    IImageService Images,
    ContainerService Containers,
    ILayerStore Layers,
    LayerCapture Capture,
    ImageComposer Composer,
    ImageWriter Writer,
    LayerCache Cache,
    ImageStore Store);
