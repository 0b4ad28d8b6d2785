using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Engine.Images.Management;

namespace Modular.Remote.Services;

/// <summary><c>image prune</c> over POST /libpod/images/prune; the options go back to filters.</summary>
public sealed class RemoteImagePruner(LibpodClient libpod) : IImagePruner
{
    public async Task<IReadOnlyList<string>> PruneAsync(ImagePruneOptions options, CancellationToken cancellationToken)
    {
        var path = "libpod/images/prune" + Filters.Query(FilterTexts(options));
        path += (path.Contains('?') ? "&" : "?") + "all=" + (options.All ? "true" : "false");
        var report = await libpod.PostJsonAsync(path, null, cancellationToken);
        return (report as JsonArray ?? []).OfType<JsonObject>()
            .Select(r => r["Id"]?.ToString() ?? "")
            .Where(id => id.Length > 0)
            .ToList();
    }

    private static List<string> FilterTexts(ImagePruneOptions options)
    {
        var filters = new List<string>();
        if (options.Until is { } until)
        {
            filters.Add("until=" + until.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        }

        // A negated label travels as the key "label!", which the service reads back as label!=.
        filters.AddRange((options.Labels ?? []).Select(l => (l.Negated ? "label!=" : "label=") + l.Filter));
        if (options.Dangling is { } dangling)
        {
            filters.Add("dangling=" + (dangling ? "true" : "false"));
        }

        return filters;
    }
}
