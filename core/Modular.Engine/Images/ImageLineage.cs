using System.Text.Json.Nodes;

namespace Modular.Engine.Images;

/// <summary>
/// Parents and children among stored images, as libimage's layer tree decides them: an
/// image is another's parent when its layers (diff ids) and history are a prefix of the
/// other's and the other has more history. Build's intermediate images are parents of the
/// next step; an untagged image with a child is intermediate, without one it is dangling.
/// </summary>
public sealed class ImageLineage
{
    private readonly Dictionary<string, (string[] DiffIds, string[] History)> _facts;

    private ImageLineage(Dictionary<string, (string[] DiffIds, string[] History)> facts) => _facts = facts;

    /// <summary>Reads the config of every image in <paramref name="state"/>.</summary>
    public static async Task<ImageLineage> ReadAsync(
        ImageStore store,
        StoreState state,
        CancellationToken cancellationToken)
    {
        var facts = new Dictionary<string, (string[], string[])>(StringComparer.Ordinal);
        foreach (var image in state.Images)
        {
            var path = Path.Combine(store.ImageDirectory(image.Id), "config.json");
            if (File.Exists(path))
            {
                var root = ImageConfigDocument.Parse(await File.ReadAllBytesAsync(path, cancellationToken)).Root;
                facts[image.Id] = (Texts(root["rootfs"]?["diff_ids"]), Texts(root["history"]));
            }
        }

        return new ImageLineage(facts);
    }

    /// <summary>True when some other image builds on <paramref name="imageId"/>.</summary>
    public bool HasChildren(string imageId) =>
        _facts.Keys.Any(other => other != imageId && IsParent(imageId, other));

    /// <summary>No name and no child: what dangling=true and image prune mean.</summary>
    public bool IsDangling(ImageRecord image) => image.Names.Count == 0 && !HasChildren(image.Id);

    /// <summary>No name but a child: hidden from <c>images</c> unless -a.</summary>
    public bool IsIntermediate(ImageRecord image) => image.Names.Count == 0 && HasChildren(image.Id);

    /// <summary>The nearest parent (longest history), or "" when none is stored.</summary>
    public string ParentOf(string imageId) =>
        _facts.Keys.Where(other => other != imageId && IsParent(other, imageId))
            .OrderByDescending(other => _facts[other].History.Length)
            .FirstOrDefault() ?? "";

    private bool IsParent(string parent, string child)
    {
        if (!_facts.TryGetValue(parent, out var p) || !_facts.TryGetValue(child, out var c))
        {
            return false;
        }

        return p.History.Length > 0
            && c.History.Length > p.History.Length
            && c.DiffIds.Length >= p.DiffIds.Length
            && p.DiffIds.SequenceEqual(c.DiffIds.Take(p.DiffIds.Length))
            && p.History.SequenceEqual(c.History.Take(p.History.Length));
    }

    private static string[] Texts(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(item => item?.ToJsonString() ?? "")] : [];
}
