using Modular.Contracts.Errors;
using Modular.Engine.Registry;

namespace Modular.Engine.Images.Transports;

/// <summary>
/// Reads an OCI layout directory (as <c>oci:</c>, or an extracted <c>oci-archive:</c>). With
/// a ref name, the index entry annotated with it; without, the only entry, as containers/image
/// refuses to guess among several.
/// </summary>
internal static class OciLayoutReader
{
    public static async Task<IReadOnlyList<ImageCommit>> ReadAsync(
        string directory,
        string input,
        string? refName,
        bool namesFromAnnotations,
        CancellationToken cancellationToken)
    {
        var indexPath = Path.Combine(directory, "index.json");
        if (!File.Exists(indexPath))
        {
            throw new InvalidInputException($"{input}: not an OCI layout (no index.json)");
        }

        var index = Manifest.Parse(await File.ReadAllBytesAsync(indexPath, cancellationToken), MediaTypes.OciIndex);
        var top = Choose(index.Children, input, refName);
        var commit = await OciArchive.ReadImageAsync(directory, top, cancellationToken);
        // As Podman 5's libimage: an oci-archive: image takes the name in its annotations
        // (localhost/ for a short one); an oci: image the ref given after the path, read as
        // a Docker reference (docker.io for a short one), and no name without one.
        IReadOnlyList<string> names = namesFromAnnotations ? commit.Names
            : refName is not null ? [NameFor(refName)]
            : [];
        return [commit with { Names = names }];
    }

    private static Descriptor Choose(IReadOnlyList<Descriptor> children, string input, string? refName)
    {
        if (refName is not null)
        {
            return children.FirstOrDefault(d => RefOf(d) == refName)
                ?? throw new NotFoundException($"{input}: no descriptor found for reference \"{refName}\"");
        }

        return children.Count switch
        {
            0 => throw new InvalidInputException($"{input}: index.json lists no image"),
            1 => children[0],
            _ => throw new InvalidInputException(
                $"{input}: more than one image in oci, choose an image"),
        };
    }

    private static string? RefOf(Descriptor descriptor) =>
        descriptor.Annotations?.GetValueOrDefault(OciLayoutWriter.RefName);

    /// <summary>
    /// The stored name for an oci: ref, normalized as containers/image's storage transport
    /// does (ParseNormalizedNamed, then :latest): "v1" becomes docker.io/library/v1:latest.
    /// </summary>
    private static string NameFor(string refName)
    {
        if (!ImageReference.TryParse(refName, out var reference))
        {
            throw new InvalidInputException($"invalid image name \"{refName}\"");
        }

        var named = reference!.Domain == "docker.io" ? reference with { Domain = null } : reference;
        return named.Qualify("docker.io").WithDefaultTag().ToString();
    }
}
