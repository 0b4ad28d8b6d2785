using Modular.Contracts.Errors;

namespace Modular.Engine.Images;

/// <summary>
/// Finds an image in a snapshot the way Podman does: full id, name (a short name is
/// tried as localhost/NAME, under each unqualified-search registry, then as a unique
/// repository suffix), repository@digest, then a unique id prefix.
/// </summary>
public static class ImageLookup
{
    /// <exception cref="NotFoundException">No image matches.</exception>
    /// <exception cref="InvalidInputException">An id prefix matches more than one image.</exception>
    public static ImageRecord Find(
        StoreState state,
        string input,
        IReadOnlyList<string> searchRegistries)
    {
        var hex = input.StartsWith("sha256:", StringComparison.Ordinal) ? input[7..] : input;
        var isHex = hex.Length is > 0 and <= 64 && hex.All(char.IsAsciiHexDigitLower);
        if (isHex && state.Images.Find(i => i.Id == hex) is { } exact)
        {
            return exact;
        }

        if (ImageReference.TryParse(input, out var reference)
            && ByName(state, reference!, searchRegistries) is { } named)
        {
            return named;
        }

        var prefixed = isHex
            ? state.Images.Where(i => i.Id.StartsWith(hex, StringComparison.Ordinal)).ToList()
            : [];
        return prefixed.Count switch
        {
            1 => prefixed[0],
            0 => throw new NotFoundException($"{input}: image not known"),
            _ => throw new InvalidInputException(
                $"{input}: image id prefix is ambiguous ({prefixed.Count} images)"),
        };
    }

    /// <summary>The name a reference is stored as: localhost/ when short, :latest when untagged.</summary>
    public static string StoredName(ImageReference reference) =>
        reference.Qualify("localhost").WithDefaultTag().ToString();

    private static ImageRecord? ByName(
        StoreState state,
        ImageReference reference,
        IReadOnlyList<string> search)
    {
        if (reference.Digest is not null)
        {
            return ByDigest(state, reference, search);
        }

        var tagged = reference.WithDefaultTag();
        var candidates = tagged.IsFullyQualified
            ? [tagged.ToString()]
            : search.Prepend("localhost").Select(d => tagged.Qualify(d).ToString()).ToList();
        foreach (var name in candidates)
        {
            if (state.Images.Find(i => i.Names.Contains(name)) is { } image)
            {
                return image;
            }
        }

        return tagged.IsFullyQualified ? null : BySuffix(state, "/" + tagged);
    }

    private static ImageRecord? ByDigest(
        StoreState state,
        ImageReference reference,
        IReadOnlyList<string> search)
    {
        var repositories = reference.IsFullyQualified
            ? [reference.Repository]
            : search.Prepend("localhost").Select(d => reference.Qualify(d).Repository).ToList();
        return state.Images.Find(i => i.Digests.Contains(reference.Digest!)
            && i.Names.Any(n => repositories.Contains(RepositoryOf(n))));
    }

    // Podman finds docker.io/library/busybox:latest by "busybox" when no other image matches.
    private static ImageRecord? BySuffix(StoreState state, string suffix)
    {
        var matches = state.Images.Where(i => i.Names.Any(n => n.EndsWith(suffix, StringComparison.Ordinal)))
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>The repository part of a stored name (everything before its tag or digest).</summary>
    public static string RepositoryOf(string name) =>
        ImageReference.TryParse(name, out var r) ? r!.Repository : name;
}
