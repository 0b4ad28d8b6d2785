using System.Globalization;
using Modular.Contracts.Errors;

namespace Modular.Engine.Images.Transports;

/// <summary>
/// Splits <c>TRANSPORT:REFERENCE</c> the way containers/image's alltransports does: the
/// transport is everything before the first ':'; archive and layout transports then split
/// their part at its first ':' into a path and an optional image name.
/// </summary>
internal static class TransportReferenceParser
{
    public static TransportReference Parse(string input)
    {
        var colon = input.IndexOf(':');
        if (colon < 0)
        {
            throw new InvalidInputException(
                $"Invalid image name \"{input}\", expected colon-separated transport:reference");
        }

        var name = input[..colon];
        var kind = TransportNames.Find(name) ?? throw new InvalidInputException(
            $"Invalid image name \"{input}\", unknown transport \"{name}\"");
        return ParseWithin(kind, input[(colon + 1)..]);
    }

    public static TransportReference ParseOrRegistry(string input)
    {
        // Podman's pull treats "docker:latest" (no "//") as a registry name, not a transport.
        var kind = KnownTransportOf(input);
        if (kind is null || (kind == TransportKind.Docker && !input.StartsWith("docker://", StringComparison.Ordinal)))
        {
            return ParseWithin(TransportKind.Docker, "//" + input);
        }

        return Parse(input);
    }

    public static TransportKind? KnownTransportOf(string input)
    {
        var colon = input.IndexOf(':');
        return colon < 0 ? null : TransportNames.Find(input[..colon]);
    }

    private static TransportReference ParseWithin(TransportKind kind, string within) => kind switch
    {
        TransportKind.Docker => Registry(within),
        TransportKind.DockerArchive => DockerArchive(within),
        TransportKind.OciArchive or TransportKind.OciLayout => Oci(kind, within),
        TransportKind.Directory => Directory(within),
        _ => Storage(within),
    };

    private static TransportReference Registry(string within)
    {
        if (!within.StartsWith("//", StringComparison.Ordinal))
        {
            throw new InvalidInputException($"docker: image reference {within} does not start with //");
        }

        var name = within[2..];
        ImageReference.Parse(name);
        return new TransportReference(TransportKind.Docker, "", name);
    }

    private static TransportReference DockerArchive(string within)
    {
        if (within.Length == 0)
        {
            throw new InvalidInputException(
                $"docker-archive reference {within} isn't of the form <path>[:<reference>]");
        }

        var (path, rest) = SplitPath(within);
        if (rest is null || rest.Length == 0)
        {
            return new TransportReference(TransportKind.DockerArchive, path, null);
        }

        if (rest.StartsWith('@'))
        {
            if (!int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                throw new InvalidInputException($"Invalid source index @{rest[1..]}");
            }

            return new TransportReference(TransportKind.DockerArchive, path, null, index);
        }

        var reference = ImageReference.Parse(rest);
        if (reference.Digest is not null)
        {
            throw new InvalidInputException("docker-archive doesn't support digest references");
        }

        return new TransportReference(TransportKind.DockerArchive, path, rest);
    }

    private static TransportReference Oci(TransportKind kind, string within)
    {
        var (path, name) = SplitPath(within);
        if (path.Length == 0)
        {
            throw new InvalidInputException($"Invalid OCI reference: {within}: path is empty");
        }

        if (name is not null && name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new InvalidInputException($"Invalid image {name}");
        }

        return new TransportReference(kind, path, string.IsNullOrEmpty(name) ? null : name);
    }

    private static TransportReference Directory(string within)
    {
        if (within.Length == 0)
        {
            throw new InvalidInputException("dir: path is empty");
        }

        return new TransportReference(TransportKind.Directory, within, null);
    }

    private static TransportReference Storage(string within)
    {
        // containers-storage:[driver@graphroot+runroot:options]NAME; the store part selects
        // a store other than ours, which we do not support, so only NAME is kept.
        var name = within.StartsWith('[') && within.IndexOf(']') is var end and > 0 ? within[(end + 1)..] : within;
        if (name.Length == 0)
        {
            throw new InvalidInputException($"Invalid image name \"containers-storage:{within}\": no image");
        }

        return new TransportReference(TransportKind.ContainersStorage, "", name);
    }

    private static (string Path, string? Remainder) SplitPath(string within)
    {
        var colon = within.IndexOf(':');
        return colon < 0 ? (within, null) : (within[..colon], within[(colon + 1)..]);
    }
}
