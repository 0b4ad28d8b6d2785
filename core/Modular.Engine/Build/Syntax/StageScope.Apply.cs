namespace Modular.Engine.Build.Syntax;

/// <summary>Per-instruction expansion of <see cref="StageScope"/>.</summary>
public sealed partial class StageScope
{
    /// <summary>
    /// Expands <paramref name="instruction"/> with the variables as they are before it and
    /// records what it declares (ENV, ARG). Call once per instruction, in order.
    /// </summary>
    public Instruction Apply(Instruction instruction) => instruction switch
    {
        EnvInstruction env => ApplyEnv(env),
        ArgInstruction arg => ApplyArg(arg),
        LabelInstruction label => label with { Labels = ExpandPairs(label.Labels) },
        CopyInstruction copy => copy with
        {
            Sources = copy.Sources.Select(Expand).ToList(),
            Destination = Expand(copy.Destination),
            Options = ExpandOptions(copy.Options),
            Documents = ExpandDocuments(copy.Documents),
        },
        AddInstruction add => add with
        {
            Sources = add.Sources.Select(Expand).ToList(),
            Destination = Expand(add.Destination),
            Options = ExpandOptions(add.Options),
            Documents = ExpandDocuments(add.Documents),
        },
        WorkdirInstruction workdir => workdir with { Path = Expand(workdir.Path) },
        UserInstruction user => user with { User = Expand(user.User) },
        StopSignalInstruction signal => signal with { Signal = Expand(signal.Signal) },
        VolumeInstruction volume => volume with { Paths = volume.Paths.Select(Expand).ToList() },
        ExposeInstruction expose => expose with { Ports = expose.Ports.SelectMany(ExpandWords).ToList() },
        RunInstruction run => run with { Mounts = run.Mounts.Select(ExpandMount).ToList() },
        _ => instruction,
    };

    private EnvInstruction ApplyEnv(EnvInstruction env)
    {
        // Every pair sees the variables from before this ENV, as buildkit and buildah do.
        var expanded = ExpandPairs(env.Variables);
        foreach (var pair in expanded)
        {
            SetEnv(pair.Key, pair.Value);
        }

        return env with { Variables = expanded };
    }

    private ArgInstruction ApplyArg(ArgInstruction arg)
    {
        var resolved = new List<ArgDeclaration>();
        foreach (var declaration in arg.Arguments)
        {
            var value = _build.Values.TryGetValue(declaration.Name, out var given) ? given
                : declaration.Default is not null ? Expand(declaration.Default)
                : _build.OutsideValue(declaration.Name);
            DeclareArg(declaration.Name, value);
            resolved.Add(declaration with { Default = value });
        }

        return arg with { Arguments = resolved };
    }

    private List<KeyValueWord> ExpandPairs(IReadOnlyList<KeyValueWord> pairs) =>
        pairs.Select(p => new KeyValueWord(Expand(p.Key), Expand(p.Value))).ToList();

    private FileTransferOptions ExpandOptions(FileTransferOptions options) => options with
    {
        From = ExpandOrNull(options.From),
        Chown = ExpandOrNull(options.Chown),
        Chmod = ExpandOrNull(options.Chmod),
        Checksum = ExpandOrNull(options.Checksum),
        Excludes = options.Excludes.Select(Expand).ToList(),
    };

    private List<Heredoc> ExpandDocuments(IReadOnlyList<Heredoc> documents)
    {
        // A COPY heredoc with an unquoted delimiter is expanded; quotes in it are content.
        var lexer = new ShellLexer(_lexer.Escape) { RawQuotes = true };
        return documents
            .Select(d => d.Expand ? d with { Content = lexer.ProcessWord(d.Content, Lookup) } : d)
            .ToList();
    }

    private RunMount ExpandMount(RunMount mount) => mount with
    {
        Target = ExpandOrNull(mount.Target),
        Source = ExpandOrNull(mount.Source),
        From = ExpandOrNull(mount.From),
        Id = ExpandOrNull(mount.Id),
    };

    private string? ExpandOrNull(string? word) => word is null ? null : Expand(word);
}
