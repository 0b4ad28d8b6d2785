using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Engine.Images;
using Modular.Engine.Images.Transports;
using Modular.Engine.Registry;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>The flags of <c>push</c>, with Podman's names and meaning.</summary>
public sealed class PushFlags
{
    public Option<bool?> TlsVerify { get; } = new("--tls-verify")
    {
        Description = "Require HTTPS and verify certificates when contacting registries",
    };

    public Option<string?> Format { get; } =
        Value("--format", "Manifest type (oci, v2s2, or v2s1) to use in the destination", "-f");

    public Option<string?> CompressionFormat { get; } =
        Value("--compression-format", "Compression format to use (gzip or zstd)");

    public Option<int?> CompressionLevel { get; } =
        Number("--compression-level", "Compression level to use");

    public Option<bool> ForceCompression { get; } =
        Switch("--force-compression", "Use the specified compression algorithm even if the destination contains a differently-compressed variant already");

    public Option<bool> Compress { get; } =
        Switch("--compress", "Compress tarball image layers when pushing to a directory using the 'dir' transport");

    public Option<string?> DigestFile { get; } =
        Value("--digestfile", "Write the digest of the pushed image to the specified file");

    public Option<bool> Quiet { get; } = Switch("--quiet", "Suppress output information when pushing images", "-q");

    public Option<string?> AuthFile { get; } = Value("--authfile", "Path of the authentication file");

    public Option<string?> Credentials { get; } =
        Value("--creds", "Use `[username[:password]]` for accessing the registry");

    public Option<string?> CertDirectory { get; } =
        Value("--cert-dir", "Path to a directory containing TLS certificates and keys");

    public Option<bool> RemoveSignatures { get; } =
        Switch("--remove-signatures", "Discard any pre-existing signatures in the image");

    public Option<bool> DisableContentTrust { get; } =
        Switch("--disable-content-trust", "This is a Docker specific option and is a NOOP");

    public Symbol[] All =>
    [
        TlsVerify, Format, CompressionFormat, CompressionLevel, ForceCompression, Compress,
        DigestFile, Quiet, AuthFile, Credentials, CertDirectory, RemoveSignatures,
        DisableContentTrust,
    ];

    public PushOptions ToPushOptions(ParseResult r, TextWriter stderr)
    {
        var compression = CheckedCompression(r);
        return new PushOptions(
            TlsVerify: r.GetValue(TlsVerify),
            Format: CheckedFormat(r),
            CompressionFormat: compression,
            CompressionLevel: r.GetValue(CompressionLevel),
            // Podman: --force-compression defaults to true when --compression-format is given.
            ForceCompression: r.GetValue(ForceCompression) || compression is not null,
            Progress: new CopyProgress(r.GetValue(Quiet) ? null : stderr),
            AuthFile: r.GetValue(AuthFile),
            Credentials: r.GetValue(Credentials),
            CertDirectory: r.GetValue(CertDirectory));
    }

    public ExportOptions ToExportOptions(ParseResult r, TextWriter stderr)
    {
        var format = CheckedFormat(r) switch
        {
            "oci" => ManifestFormat.Oci,
            "v2s2" or "docker" => ManifestFormat.DockerV2Schema2,
            "v2s1" => ManifestFormat.DockerV2Schema1,
            _ => ManifestFormat.Default,
        };
        var compression = CheckedCompression(r) switch
        {
            "gzip" => LayerCompression.Gzip,
            "zstd" => LayerCompression.Zstd,
            _ when r.GetValue(Compress) => LayerCompression.Gzip,
            _ => LayerCompression.Preserve,
        };
        var quiet = r.GetValue(Quiet);
        return new ExportOptions(format, compression, null, quiet, quiet ? null : stderr, r.GetValue(RemoveSignatures));
    }

    private string? CheckedFormat(ParseResult r)
    {
        var format = r.GetValue(Format);
        return format is null or "oci" or "v2s2" or "v2s1" or "docker"
            ? format
            : throw new UsageException(
                $"unknown format \"{format}\". Choose on of the supported formats: 'oci', 'v2s1', or 'v2s2'");
    }

    private string? CheckedCompression(ParseResult r)
    {
        var value = r.GetValue(CompressionFormat);
        if (value == "zstd:chunked")
        {
            // Refused rather than written as plain zstd: a user asking for zstd:chunked wants
            // the TOC that partial pulls read, and would not notice it missing (docs/images.md).
            throw new UsageException(
                "compression format zstd:chunked is not supported (no partial-pull TOC is written); " +
                "use --compression-format zstd");
        }

        return value is null or "gzip" or "zstd"
            ? value
            : throw new UsageException($"unsupported compression format {value}");
    }
}
