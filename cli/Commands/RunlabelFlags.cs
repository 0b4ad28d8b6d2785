using System.CommandLine;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>The flags of <c>container runlabel</c>, with Podman's names and help texts.</summary>
public sealed class RunlabelFlags
{
    /// <summary>--authfile, --cert-dir, --creds, --tls-verify for the pull of a missing image.</summary>
    public RegistryPullFlags Registry { get; } = new();

    public Option<bool> Display { get; } =
        Switch("--display", "Preview the command that the label would run");

    public Option<string?> Name { get; } = Value("--name", "Assign a name to the container", "-n");

    public Option<bool> Quiet { get; } =
        Switch("--quiet", "Suppress output information when installing images", "-q");

    public Option<bool> Replace { get; } =
        Switch("--replace", "Replace existing container with a new one from the image");

    public Option<string?> Opt1 { get; } = Hide(Value("--opt1", "Optional parameter to pass for install"));

    public Option<string?> Opt2 { get; } = Hide(Value("--opt2", "Optional parameter to pass for install"));

    public Option<string?> Opt3 { get; } = Hide(Value("--opt3", "Optional parameter to pass for install"));

    /// <summary>Deprecated in Podman (it pulls when the image is missing); accepted, hidden.</summary>
    public Option<bool?> Pull { get; } = new("--pull", "-p") { Hidden = true };

    public Option<string?> SignaturePolicy { get; } =
        Hide(Value("--signature-policy", "Pathname of signature policy file (not usually used)"));

    public Symbol[] All =>
    [
        .. Registry.All, Display, Name, Quiet, Replace,
        Opt1, Opt2, Opt3, Pull, SignaturePolicy,
    ];

    /// <summary>OPT1..OPT3 as given, for the environment and for $OPTn in the label.</summary>
    public IReadOnlyDictionary<string, string> Options(ParseResult r)
    {
        var options = new Dictionary<string, string>();
        foreach (var (key, option) in new[] { ("OPT1", Opt1), ("OPT2", Opt2), ("OPT3", Opt3) })
        {
            if (r.GetValue(option) is { Length: > 0 } value)
            {
                options[key] = value;
            }
        }

        return options;
    }

    private static Option<string?> Hide(Option<string?> option)
    {
        option.Hidden = true;
        return option;
    }
}
