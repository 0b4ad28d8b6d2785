namespace Modular.TestImages;

/// <summary>
/// One entry of an image config's <c>history</c>, as a build step records it. An entry
/// that made no layer is marked <paramref name="EmptyLayer"/>; the others pair, in order,
/// with the image's layers.
/// </summary>
public sealed record HistoryStep(
    string Created,
    string CreatedBy,
    bool EmptyLayer = false,
    string? Comment = null)
{
    public System.Text.Json.Nodes.JsonObject ToJson()
    {
        var entry = new System.Text.Json.Nodes.JsonObject
        {
            ["created"] = Created,
            ["created_by"] = CreatedBy,
        };
        if (Comment is not null)
        {
            entry["comment"] = Comment;
        }

        if (EmptyLayer)
        {
            entry["empty_layer"] = true;
        }

        return entry;
    }
}
