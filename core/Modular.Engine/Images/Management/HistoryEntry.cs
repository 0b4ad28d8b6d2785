namespace Modular.Engine.Images.Management;

/// <summary>One line of <c>history</c>, newest first: the image that ends at this layer, or "&lt;missing&gt;".</summary>
/// <param name="Size">Uncompressed size of the layer this entry made; 0 for an empty_layer entry.</param>
/// <param name="Tags">Names of the images whose top layer this entry's layer is.</param>
public sealed record HistoryEntry(
    string Id,
    DateTimeOffset Created,
    string CreatedBy,
    long Size,
    string Comment,
    IReadOnlyList<string> Tags);
