namespace Modular.Engine.Build.Syntax;

/// <summary>
/// The build-level variables of one build: <c>--build-arg</c> values, the global ARGs
/// (declared before the first FROM, visible in FROM lines), the predefined platform and
/// proxy arguments, and which build args no ARG consumed. One instance per build; it hands
/// out a <see cref="StageScope"/> per stage.
/// </summary>
public sealed class BuildArgs
{
    /// <summary>Proxy arguments usable without an ARG and never reported as unused.</summary>
    public static readonly IReadOnlySet<string> ProxyArgs = new HashSet<string>(StringComparer.Ordinal)
    {
        "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy",
        "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy",
    };

    private readonly Dictionary<string, string> _globals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unused;

    /// <param name="file">The parsed file, for its global ARGs.</param>
    /// <param name="values">The <c>--build-arg</c> values, already resolved by the caller.</param>
    /// <param name="platforms">The platforms; the host's when null.</param>
    public BuildArgs(
        Containerfile file,
        IReadOnlyDictionary<string, string> values,
        BuildPlatforms? platforms = null)
    {
        Values = values;
        Escape = file.Directives.Escape;
        Predefined = (platforms ?? BuildPlatforms.Host).Arguments();
        _unused = values.Keys.Where(k => !ProxyArgs.Contains(k)).ToHashSet(StringComparer.Ordinal);
        DeclareGlobals(file.GlobalArgs);
    }

    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>TARGETPLATFORM, BUILDARCH and the rest, from the platforms.</summary>
    public IReadOnlyDictionary<string, string> Predefined { get; }

    internal char Escape { get; }

    /// <summary>Global ARGs with a value: their default (expanded) or the build arg.</summary>
    public IReadOnlyDictionary<string, string> Globals => _globals;

    /// <summary>Expands a FROM line's image and platform with the global scope.</summary>
    public FromInstruction ExpandFrom(FromInstruction instruction)
    {
        var lexer = new ShellLexer(Escape);
        var platform = instruction.Platform;
        return instruction with
        {
            Image = lexer.ProcessWord(instruction.Image, GlobalLookup),
            Platform = platform is null ? null : lexer.ProcessWord(platform, GlobalLookup),
        };
    }

    /// <summary>
    /// Starts the scope of a stage whose base image has <paramref name="imageEnvironment"/>
    /// (<c>KEY=value</c> entries; empty for scratch).
    /// </summary>
    public StageScope BeginStage(IEnumerable<string> imageEnvironment) => new(this, imageEnvironment);

    /// <summary>
    /// Podman's warning for build args no ARG of the built stages declared, or null:
    /// <c>[Warning] one or more build args were not consumed: [A B]</c>.
    /// </summary>
    public string? UnusedWarning() => _unused.Count == 0
        ? null
        : "[Warning] one or more build args were not consumed: ["
          + string.Join(' ', _unused.Order(StringComparer.Ordinal)) + "]";

    /// <summary>The value a bare <c>ARG name</c> inside a stage takes from outside.</summary>
    internal string? OutsideValue(string name)
    {
        if (Values.TryGetValue(name, out var given))
        {
            return given;
        }

        return _globals.TryGetValue(name, out var global) ? global : Predefined.GetValueOrDefault(name);
    }

    internal void Consume(string name) => _unused.Remove(name);

    private void DeclareGlobals(IReadOnlyList<ArgInstruction> globals)
    {
        var lexer = new ShellLexer(Escape);
        foreach (var declaration in globals.SelectMany(g => g.Arguments))
        {
            Consume(declaration.Name);
            if (Values.TryGetValue(declaration.Name, out var given))
            {
                _globals[declaration.Name] = given;
            }
            else if (declaration.Default is not null)
            {
                _globals[declaration.Name] = lexer.ProcessWord(declaration.Default, GlobalLookup);
            }
        }
    }

    private string? GlobalLookup(string name) =>
        _globals.TryGetValue(name, out var value) ? value : Predefined.GetValueOrDefault(name);
}
