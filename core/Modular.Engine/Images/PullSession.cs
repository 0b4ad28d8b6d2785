using Modular.Engine.Locking;
using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Engine.Registry;

namespace Modular.Engine.Images;

/// <summary>
/// One pull from one registry: manifest, config, layers, commit. <c>reference</c> says
/// where to fetch (after registries.conf <c>location</c>), <c>name</c> what to store.
/// </summary>
internal sealed class PullSession(
    RegistryClient client,
    ImageReference reference,
    string name,
    PullOptions pull,
    ImageStore store,
    ILogger logger)
{
    /// <summary>Fetches the manifest; from a list, the child for <paramref name="platform"/>.</summary>
    public async Task<ResolvedManifest> ResolveManifestAsync(
        Platform platform,
        CancellationToken cancellationToken)
    {
        var tagOrDigest = reference.Digest ?? reference.Tag!;
        var top = await client.GetManifestAsync(reference.Path, tagOrDigest, cancellationToken);
        if (Schema1.Schema1Converter.IsSchema1(top.Body, top.MediaType))
        {
            var converted = await Schema1.Schema1Converter.ConvertAsync(
                client, reference.Path, top.Body, store.TempDirectory, cancellationToken);
            return new ResolvedManifest(
                Manifest.Parse(converted.Manifest, MediaTypes.DockerManifest), converted.Manifest, [converted.Digest], converted.Config);
        }

        var manifest = Manifest.Parse(top.Body, top.MediaType);
        if (!manifest.IsIndex)
        {
            return new ResolvedManifest(manifest, top.Body, [top.Digest]);
        }

        var child = manifest.Choose(platform);
        var instance = await client.GetManifestAsync(reference.Path, child.Digest, cancellationToken);
        var chosen = Manifest.Parse(instance.Body, instance.MediaType);
        if (chosen.IsIndex)
        {
            throw new InvalidInputException($"{reference}: nested manifest lists are not supported");
        }

        return new ResolvedManifest(chosen, instance.Body, [top.Digest, child.Digest]);
    }

    /// <summary>Downloads the config blob into memory, verified.</summary>
    public async Task<byte[]> FetchConfigAsync(
        Descriptor config,
        long maxSize,
        CancellationToken cancellationToken)
    {
        if (config.Size > maxSize)
        {
            throw new InvalidInputException(
                $"config blob {config.Digest} is too large ({config.Size} bytes)");
        }

        using var buffer = new MemoryStream();
        await BlobFetcher.FetchAsync(client, reference.Path, config, buffer, cancellationToken);
        ImagePuller.Progress(pull, $"Copying config {Short(config.Digest)} done");
        return buffer.ToArray();
    }

    /// <summary>
    /// Downloads the layers not yet stored, in parallel, each under its per-blob lock, then
    /// commits. Locks are taken in digest order, all before any download, so two pulls
    /// sharing layers can never wait on each other in a cycle.
    /// </summary>
    public async Task<ImageRecord> FetchAndCommitAsync(
        ResolvedManifest resolved,
        byte[] config,
        ImageWriter writer,
        int parallel,
        CancellationToken cancellationToken)
    {
        var layers = resolved.Manifest.Layers;
        var diffIds = ImageConfigDocument.Parse(config).DiffIds;
        if (diffIds.Count != layers.Count)
        {
            throw new InvalidInputException(
                $"{reference}: config lists {diffIds.Count} layers, manifest {layers.Count}");
        }

        var locks = new List<FileLock>();
        var cache = new PullBlobCache(store);
        try
        {
            var missing = await MissingAsync(layers, diffIds, cancellationToken);
            foreach (var digest in missing.Select(l => l.Digest).Distinct().Order(StringComparer.Ordinal))
            {
                locks.Add(await store.LockBlobAsync(digest, cancellationToken));
            }

            // Another process may have stored some while we waited for their locks.
            missing = await MissingAsync(layers, diffIds, cancellationToken);
            await DownloadAsync(missing, cache, parallel, cancellationToken);
            ReportSkipped(layers, missing);
            var sources = layers.Select((l, i) => Source(l, diffIds[i], cache)).ToList();
            ImagePuller.Progress(pull, "Writing manifest to image destination");
            var commit = new ImageCommit(config, resolved.Body, resolved.Manifest.MediaType,
                resolved.Digests, [name], sources);
            ImageRecord record;
            try
            {
                record = await writer.CommitAsync(commit, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The blobs verified but their content was refused: fetching them again
                // would only fail again. (A kill or ^C keeps them for the next pull.)
                cache.Forget(missing.Select(l => l.Digest));
                throw;
            }

            RecordSources(layers, diffIds, missing);
            cache.Forget(missing.Select(l => l.Digest));
            locks.ForEach(l => l.Dispose());

            // What killed pulls left of other images: partial files now, finished blobs after
            // a day, so the cache stays bounded without a prune.
            cache.Sweep(TimeSpan.FromDays(1));
            return record;
        }
        finally
        {
            locks.ForEach(l => l.Dispose());
        }
    }

    private async Task<List<Descriptor>> MissingAsync(
        IReadOnlyList<Descriptor> layers,
        IReadOnlyList<string> diffIds,
        CancellationToken cancellationToken)
    {
        var state = await store.ReadAsync(cancellationToken);
        var missing = new List<Descriptor>();
        string? chain = null;
        for (var i = 0; i < layers.Count; i++)
        {
            chain = Digests.Chain(chain, diffIds[i]);
            if (state.FindLayer(Digests.Hex(chain)) is not { Incomplete: false })
            {
                missing.Add(layers[i]);
            }
        }

        return missing;
    }

    private async Task DownloadAsync(
        List<Descriptor> missing,
        PullBlobCache cache,
        int parallel,
        CancellationToken ct)
    {
        var unique = missing.DistinctBy(l => l.Digest).ToList();
        await Parallel.ForEachAsync(
            unique,
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct },
            async (layer, token) =>
            {
                if (await cache.HasAsync(layer, token))
                {
                    // Fetched by an earlier pull that was interrupted before its commit.
                    logger.LogDebug("Layer blob {Digest} reused from an interrupted pull", layer.Digest);
                }
                else
                {
                    await cache.FetchAsync(client, reference.Path, layer, Report(layer), token);
                }

                if (pull.Copy is { } copy && !pull.Quiet)
                {
                    copy.BlobDone(layer.Digest);
                }
                else
                {
                    ImagePuller.Progress(pull, $"Copying blob {Short(layer.Digest)} done");
                }
            });
    }

    private Action<long>? Report(Descriptor layer) =>
        pull.Copy is { } copy && !pull.Quiet ? done => copy.BlobProgress(layer.Digest, done, layer.Size) : null;

    private void ReportSkipped(IReadOnlyList<Descriptor> layers, List<Descriptor> missing)
    {
        foreach (var layer in layers.Where(l => !missing.Contains(l)))
        {
            logger.LogDebug("Layer blob {Digest} already stored", layer.Digest);
            ImagePuller.Progress(pull, $"Copying blob {Short(layer.Digest)} skipped: already exists");
        }
    }

    /// <summary>
    /// Where each downloaded blob came from (it is the layer's kept blob now), so a push
    /// to another repository of the registry can mount it.
    /// </summary>
    private void RecordSources(
        IReadOnlyList<Descriptor> layers,
        IReadOnlyList<string> diffIds,
        List<Descriptor> downloaded)
    {
        var blobs = new LayerBlobs(store);
        string? chain = null;
        for (var i = 0; i < layers.Count; i++)
        {
            chain = Digests.Chain(chain, diffIds[i]);
            if (downloaded.Contains(layers[i]))
            {
                blobs.AddSource(Digests.Hex(chain), reference.Repository);
            }
        }
    }

    private static LayerSource Source(Descriptor layer, string diffId, PullBlobCache cache) =>
        new(layer.Digest, diffId, _ => Task.FromResult<Stream>(File.OpenRead(cache.PathOf(layer.Digest))));

    private static string Short(string digest) => Digests.Hex(digest)[..12];
}
