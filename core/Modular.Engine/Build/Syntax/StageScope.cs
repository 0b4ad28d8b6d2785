namespace Modular.Engine.Build.Syntax;

/// <summary>
/// The variables of one stage while the executor walks it: the image's and ENV's
/// environment, and the ARGs declared in the stage. <see cref="Apply"/> takes each
/// instruction in order and returns it with its words expanded where buildah expands
/// them (ENV, LABEL, ARG, ADD, COPY, WORKDIR, EXPOSE, VOLUME, USER, STOPSIGNAL and the
/// RUN mount options); RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK, MAINTAINER and ONBUILD
/// come back unchanged. ENV shadows an ARG of the same name.
/// </summary>
public sealed partial class StageScope
{
    private readonly BuildArgs _build;
    private readonly List<KeyValuePair<string, string>> _environment = [];
    private readonly Dictionary<string, string?> _args = new(StringComparer.Ordinal);
    private readonly List<string> _argOrder = [];
    private readonly ShellLexer _lexer;

    internal StageScope(BuildArgs build, IEnumerable<string> imageEnvironment)
    {
        _build = build;
        _lexer = new ShellLexer(build.Escape);
        foreach (var entry in imageEnvironment)
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            SetEnv(equals < 0 ? entry : entry[..equals], equals < 0 ? "" : entry[(equals + 1)..]);
        }
    }

    /// <summary>The image config's Env so far, <c>KEY=value</c> in order.</summary>
    public IReadOnlyList<string> Environment => _environment.Select(e => e.Key + "=" + e.Value).ToList();

    /// <summary>ARGs declared in this stage that have a value, in declaration order.</summary>
    public IReadOnlyDictionary<string, string> Args =>
        _argOrder.Where(n => _args[n] is not null)
            .ToDictionary(n => n, n => _args[n]!, StringComparer.Ordinal); // filtered just above

    /// <summary>
    /// The environment of a RUN: <see cref="Environment"/>, then the stage's ARGs and the
    /// proxy build args that no ENV shadows (buildah passes both to the command).
    /// </summary>
    public IReadOnlyList<string> RunEnvironment
    {
        get
        {
            return [.. Environment, .. RunArgs.Select(a => a.Key + "=" + a.Value)];
        }
    }

    /// <summary>
    /// The ARGs and proxy build args a RUN gets besides <see cref="Environment"/>: those no
    /// ENV shadows, in declaration order.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> RunArgs
    {
        get
        {
            var names = _environment.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
            return Args.Concat(ProxyValues()).Where(a => names.Add(a.Key)).ToList();
        }
    }

    /// <summary>Expands one word: quotes removed, no splitting.</summary>
    public string Expand(string word) => _lexer.ProcessWord(word, Lookup);

    /// <summary>Expands text into words, splitting unquoted whitespace.</summary>
    public IReadOnlyList<string> ExpandWords(string text) => _lexer.ProcessWords(text, Lookup);

    /// <summary>The value a variable has for expansion now, or null when unset.</summary>
    public string? Lookup(string name)
    {
        var env = _environment.FindLast(e => e.Key == name);
        if (env.Key is not null)
        {
            return env.Value;
        }

        if (_args.TryGetValue(name, out var arg))
        {
            return arg;
        }

        return BuildArgs.ProxyArgs.Contains(name) ? _build.Values.GetValueOrDefault(name) : null;
    }

    private IEnumerable<KeyValuePair<string, string>> ProxyValues() =>
        _build.Values.Where(v => BuildArgs.ProxyArgs.Contains(v.Key) && !_args.ContainsKey(v.Key));

    private void SetEnv(string name, string value)
    {
        var index = _environment.FindIndex(e => e.Key == name);
        if (index >= 0)
        {
            _environment[index] = new(name, value);
        }
        else
        {
            _environment.Add(new(name, value));
        }
    }

    private void DeclareArg(string name, string? value)
    {
        if (!_args.ContainsKey(name))
        {
            _argOrder.Add(name);
        }

        _args[name] = value;
        _build.Consume(name);
    }
}
