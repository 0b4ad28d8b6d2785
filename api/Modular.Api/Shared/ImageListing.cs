using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Cli.Commands;
using Modular.Cli.Hosting;
using Modular.Engine.Images;
using Modular.Engine.Registry;

namespace Modular.Api.Shared;

/// <summary>
/// GET images/json of both trees, as Podman's handler builds it: the CLI's filters and
/// summary, in the store's own order (oldest first). Unlike <c>modpod images</c>, Podman's
/// API does not sort, and clients index the list (<c>.[0]</c> is the first image stored).
/// </summary>
public static class ImageListing
{
    /// <summary>The summaries of the images that pass every filter (KEY=VALUE).</summary>
    /// <param name="libpod">
    /// Podman's tree: manifest lists are listed and summaries carry IsManifestList, Arch and
    /// Os; the compat tree leaves manifest lists out.
    /// </param>
    public static async Task<List<JsonObject>> ListAsync(
        HttpContext http,
        IReadOnlyList<string> filters,
        bool libpod)
    {
        var cli = http.RequestServices.GetRequiredService<CliContext>();
        var images = await cli.Images.ListAsync(http.QueryFlag("all"), http.RequestAborted);
        var store = cli.Services.GetRequiredService<ImageStore>();
        var state = await store.ReadAsync(http.RequestAborted);
        var position = state.Images.Select((record, index) => (record.Id, index))
            .ToDictionary(p => p.Id, p => p.index);

        return ImagesCommand.Filter(images, filters)
            .Where(i => libpod || !MediaTypes.IsIndex(i.ManifestMediaType))
            .OrderBy(i => position.GetValueOrDefault(i.Id, int.MaxValue))
            .Select(i => Summary(cli, i, libpod))
            .ToList();
    }

    /// <summary>The CLI's summary plus what Podman's API adds to it (RepoTags = every name).</summary>
    private static JsonObject Summary(CliContext cli, LocalImage image, bool extended)
    {
        var summary = cli.Images.Summarize(image);
        summary["RepoTags"] = summary["Names"]?.DeepClone();
        summary.Remove("CreatedAt"); // the CLI's own column, not in Podman's API summary
        if (image.Names.Count == 0)
        {
            summary["Dangling"] = true;
        }

        if (!extended)
        {
            return summary;
        }

        var isList = MediaTypes.IsIndex(image.ManifestMediaType);
        summary["IsManifestList"] = isList;
        if (!isList)
        {
            summary["Arch"] = image.Architecture;
            summary["Os"] = image.Os;
        }

        return summary;
    }
}
