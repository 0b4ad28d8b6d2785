using System.CommandLine;
using Modular.Engine.Images;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// The registry flags of commands that pull what they need first (kube play, container
/// runlabel), with Podman's names and help texts.
/// </summary>
public sealed class RegistryPullFlags
{
    public Option<string?> AuthFile { get; } = Value(
        "--authfile",
        "Path of the authentication file. Use REGISTRY_AUTH_FILE environment variable to override");

    public Option<string?> CertDir { get; } =
        Value("--cert-dir", "Pathname of a directory containing TLS certificates and keys");

    public Option<string?> Creds { get; } =
        Value("--creds", "Credentials (USERNAME:PASSWORD) to use for authenticating to a registry");

    public Option<bool?> TlsVerify { get; } = new("--tls-verify")
    {
        Description = "Require HTTPS and verify certificates when contacting container registries",
    };

    public Symbol[] All => [AuthFile, CertDir, Creds, TlsVerify];

    public PullOptions Options(
        ParseResult r,
        bool quiet,
        TextWriter? progress = null,
        string? signaturePolicy = null) => new(
        TlsVerify: r.GetValue(TlsVerify),
        Quiet: quiet,
        Progress: quiet ? null : progress,
        AuthFile: r.GetValue(AuthFile),
        Credentials: r.GetValue(Creds),
        SignaturePolicy: signaturePolicy,
        CertDirectory: r.GetValue(CertDir));
}
