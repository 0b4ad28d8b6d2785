using Modular.Contracts.Errors;

namespace Modular.Engine.Images.Transports;

/// <summary>
/// A parsed <c>TRANSPORT:REFERENCE</c> as containers/image reads it. For the archive and
/// layout transports <see cref="Path"/> is the file or directory and <see cref="Name"/>
/// the optional image name after the first ':' of the path part; for <c>docker://</c> and
/// <c>containers-storage:</c>, <see cref="Path"/> is empty and <see cref="Name"/> the image.
/// </summary>
/// <param name="Kind">Which transport.</param>
/// <param name="Path">The file or directory, or empty for docker and containers-storage.</param>
/// <param name="Name">The image reference inside the transport, or null when absent.</param>
/// <param name="Index">For <c>docker-archive:PATH:@N</c>, the N-th image of a multi-image archive.</param>
public sealed record TransportReference(
    TransportKind Kind,
    string Path,
    string? Name,
    int? Index = null)
{
    /// <summary>The transport's name as typed before the ':' (e.g. <c>oci-archive</c>).</summary>
    public string Transport => TransportNames.Of(Kind);

    /// <summary>True for transports that read or write local files.</summary>
    public bool IsLocalFile => Kind is TransportKind.DockerArchive or TransportKind.OciArchive
        or TransportKind.OciLayout or TransportKind.Directory;

    /// <summary>
    /// Parses <paramref name="input"/>, which must carry a transport prefix.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// No ':' at all, an unknown transport, or a reference the transport refuses; the text is
    /// containers/image's (<c>Invalid image name "x", unknown transport "y"</c>).
    /// </exception>
    public static TransportReference Parse(string input) => TransportReferenceParser.Parse(input);

    /// <summary>
    /// Parses <paramref name="input"/> as Podman's <c>pull</c> and <c>push</c> do: with a known
    /// transport prefix as that transport, otherwise as a registry reference (<c>docker://</c>),
    /// so <c>localhost:5000/a</c> and <c>docker:latest</c> stay registry names.
    /// </summary>
    public static TransportReference ParseOrRegistry(string input) =>
        TransportReferenceParser.ParseOrRegistry(input);

    /// <summary>True when <paramref name="input"/> starts with a known transport's name and ':'.</summary>
    public static bool HasTransport(string input) => TransportReferenceParser.KnownTransportOf(input) is not null;

    /// <summary>The reference in Podman's spelling, e.g. <c>oci-archive:/tmp/a.tar:img</c>.</summary>
    public override string ToString() => Kind switch
    {
        TransportKind.Docker => $"docker://{Name}",
        TransportKind.ContainersStorage => $"containers-storage:{Name}",
        _ when Index is { } index => $"{Transport}:{Path}:@{index}",
        _ when Name is not null => $"{Transport}:{Path}:{Name}",
        _ => $"{Transport}:{Path}",
    };
}
