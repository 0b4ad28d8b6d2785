using Modular.Engine.Build.Syntax;

namespace Modular.Engine.Build;

/// <summary>
/// The variables one stage sees: ARGs declared in it (their value from --build-arg, else
/// the default, else the global ARG's default), then the config's ENV, which wins over an
/// ARG of the same name. Global ARGs (before the first FROM) are visible in FROM lines only,
/// and inside a stage only once re-declared by a bare <c>ARG NAME</c> (BLD-01).
/// </summary>
public sealed class BuildVariables
{
    /// <summary>Args every build knows without an ARG line; set only with --build-arg.</summary>
    private static readonly HashSet<string> Predefined = new(StringComparer.OrdinalIgnoreCase)
    {
        "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY",
    };

    private readonly IReadOnlyDictionary<string, string> _buildArgs;
    private readonly IReadOnlyDictionary<string, string?> _globals;
    private readonly Dictionary<string, string> _args = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unset = new(StringComparer.Ordinal);
    private readonly ShellLexer _lexer;

    public BuildVariables(
        IReadOnlyDictionary<string, string> buildArgs,
        IReadOnlyDictionary<string, string?> globals,
        char escape)
    {
        _buildArgs = buildArgs;
        _globals = globals;
        _lexer = new ShellLexer(escape);
        foreach (var (name, value) in buildArgs.Where(a => Predefined.Contains(a.Key)))
        {
            _args[name] = value;
        }
    }

    /// <summary>Args in effect, in declaration order: RUN sees them as environment.</summary>
    public IReadOnlyDictionary<string, string> Args => _args;

    /// <summary>The global ARGs resolved, for FROM lines.</summary>
    public static Dictionary<string, string?> Globals(
        IEnumerable<ArgInstruction> globals,
        IReadOnlyDictionary<string, string> buildArgs,
        char escape)
    {
        var lexer = new ShellLexer(escape);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var declaration in globals.SelectMany(g => g.Arguments))
        {
            values[declaration.Name] = buildArgs.TryGetValue(declaration.Name, out var given)
                ? given
                : declaration.Default is null ? null : lexer.ProcessWord(declaration.Default, n => values.GetValueOrDefault(n));
        }

        return values;
    }

    /// <summary>Declares an ARG in the stage: --build-arg, else default, else the global's.</summary>
    public void Declare(ArgDeclaration declaration, Func<string, string?> env)
    {
        if (_buildArgs.TryGetValue(declaration.Name, out var given))
        {
            _args[declaration.Name] = given;
        }
        else if (declaration.Default is not null)
        {
            _args[declaration.Name] = Expand(declaration.Default, env);
        }
        else if (_globals.TryGetValue(declaration.Name, out var global) && global is not null)
        {
            _args[declaration.Name] = global;
        }
        else
        {
            _args.Remove(declaration.Name);
            _args[declaration.Name] = "";
            _unset.Add(declaration.Name);
            return;
        }

        _unset.Remove(declaration.Name);
    }

    /// <summary>ARG values to hand RUN as environment; a declared ARG without value is left out.</summary>
    public IEnumerable<KeyValuePair<string, string>> RunArgs =>
        _args.Where(a => !_unset.Contains(a.Key));

    /// <summary>Expands one word (quotes removed) with ENV over ARG.</summary>
    public string Expand(string word, Func<string, string?> env) =>
        _lexer.ProcessWord(word, name => env(name) ?? (_unset.Contains(name) ? null : _args.GetValueOrDefault(name)));
}
