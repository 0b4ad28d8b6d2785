using System.Formats.Tar;
using Modular.Contracts.Errors;
using Modular.Engine.Build.Syntax;
using Modular.Engine.Images;

namespace Modular.Engine.Build;

internal sealed partial class StageRun
{
    private async Task<SourceRoot> SourceRootAsync(FileInstruction file, CancellationToken cancellationToken)
    {
        if (file.Options.From is not { } written)
        {
            return new SourceRoot(_session.Options.ContextDirectory, _session.Ignore);
        }

        return await MountFromAsync(Expand(written), "COPY --from", cancellationToken);
    }

    /// <summary>
    /// An earlier stage's or an image's file system, mounted until the root is disposed:
    /// the source of <c>COPY --from</c> and of <c>RUN --mount=type=bind,from=</c>.
    /// </summary>
    private async Task<SourceRoot> MountFromAsync(string from, string what, CancellationToken cancellationToken)
    {
        var stage = _session.File.FindStage(from);
        string imageId;
        if (stage is not null && stage.Index < _stage.Index)
        {
            imageId = _session.StageImages[stage.Index];
        }
        else if (stage is not null)
        {
            throw new InvalidInputException($"{what}={from}: stage {from} is not built before this one");
        }
        else
        {
            imageId = await BaseImageAsync(from, cancellationToken);
        }

        var top = (await Services.Images.ResolveAsync(imageId, cancellationToken)).TopLayerId;
        var layer = await TempLayer.CreateAsync(Services.Layers, top, cancellationToken);
        return new SourceRoot(layer.Root, IgnoreRules.None, layer);
    }

    /// <summary>What a <c>from=</c> stands for in a cache key: a built stage's image, else the name.</summary>
    private string FromKey(string from) =>
        _session.File.FindStage(from) is { } stage && stage.Index < _stage.Index
            ? _session.StageImages[stage.Index]
            : from;

    /// <summary>ADD's one local archive (tar, plain or compressed) to extract, or null.</summary>
    private async Task<string?> ArchiveAsync(
        SourceRoot root,
        IReadOnlyList<string> sources,
        CancellationToken cancellationToken)
    {
        if (sources.Count != 1 || IsUrl(sources[0]) || PathPattern.HasWildcard(sources[0]))
        {
            return null;
        }

        var path = Path.Combine(root.Path, SourceSet.Clean(sources[0]));
        if (!File.Exists(path))
        {
            return null;
        }

        if (ArchiveDecoder.ProgramFor(path) is { } program)
        {
            var directory = Path.Combine(
                Services.Store.TempDirectory, $"build-archive-{Guid.NewGuid():N}");
            Directory.CreateDirectory(directory);
            var plain = Path.Combine(directory, "archive.tar");
            root.Downloads.Add(plain);
            var decoded = await ArchiveDecoder.DecompressAsync(
                program, path, plain, cancellationToken);
            return decoded && await IsTarAsync(plain, cancellationToken) ? plain : null;
        }

        return await IsTarAsync(path, cancellationToken) ? path : null;
    }

    private static async Task<bool> IsTarAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.OpenRead(path);
            await using var plain = await LayerStreams.DecompressAsync(file, cancellationToken);
            await using var reader = new TarReader(plain);
            return await reader.GetNextEntryAsync(copyData: false, cancellationToken) is not null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    private static bool IsUrl(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Fetches an ADD URL into the store's temp directory; the file is kept as is (BLD-04).</summary>
    private async Task<string> DownloadAsync(SourceRoot root, string url, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Services.Store.TempDirectory, $"build-url-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var name = Path.GetFileName(new Uri(url).AbsolutePath);
        var path = Path.Combine(directory, name.Length == 0 ? "index.html" : name);
        root.Downloads.Add(path);
        using var client = new HttpClient();
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidInputException($"reading \"{url}\": invalid response status {(int)response.StatusCode}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var file = File.Create(path);
        await body.CopyToAsync(file, cancellationToken);
        return path;
    }
}
