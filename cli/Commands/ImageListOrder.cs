using System.Text.Json.Nodes;
using Modular.Cli.Errors;
using Modular.Cli.Output;
using Modular.Engine.Images;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>images --sort</c> and the time filters of <c>images --filter</c> (before, after,
/// since), as Podman reads them: the time filters compare creation times with the image
/// the value names.
/// </summary>
public static class ImageListOrder
{
    public static readonly IReadOnlyList<string> SortKeys = ["created", "id", "repository", "size", "tag"];

    /// <summary>Rows in the --sort order; "created" keeps the newest-first order they came in.</summary>
    public static List<JsonObject> Sort(List<JsonObject> rows, string? key) => key switch
    {
        null or "created" => rows,
        "id" => [.. rows.OrderBy(r => Text(r, "ID"), StringComparer.Ordinal)],
        "repository" => [.. rows.OrderBy(r => Text(r, "Repository"), StringComparer.Ordinal)
            .ThenBy(r => Text(r, "Tag"), StringComparer.Ordinal)],
        "tag" => [.. rows.OrderBy(r => Text(r, "Tag"), StringComparer.Ordinal)],
        "size" => rows,
        _ => throw new UsageException(
            $"\"{key}\" is not a valid field for sorting; must be one of: {string.Join(", ", SortKeys)}"),
    };

    /// <summary>Images created before (<paramref name="before"/>) or after the named one.</summary>
    public static IEnumerable<LocalImage> ByTime(
        IEnumerable<LocalImage> images,
        IReadOnlyList<LocalImage> all,
        string reference,
        bool before)
    {
        var anchor = Find(all, reference)
            ?? throw new UsageException($"{reference}: image not known");
        return images.Where(i => before ? i.Created < anchor.Created : i.Created > anchor.Created);
    }

    private static LocalImage? Find(IReadOnlyList<LocalImage> all, string reference)
    {
        var hex = ImageView.HexId(reference);
        return all.FirstOrDefault(i => ImageView.HexId(i.Id) == hex)
            ?? all.FirstOrDefault(i => i.Names.Any(n => n == reference || ImagesCommand.MatchesReference(n, reference)))
            ?? (hex.Length >= 3 ? all.FirstOrDefault(i => ImageView.HexId(i.Id).StartsWith(hex, StringComparison.Ordinal)) : null);
    }

    private static string Text(JsonObject row, string key) => row[key]?.ToString() ?? "";
}
