using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Engine.Configuration;
using Modular.Engine.Images.Transports;
using Modular.Engine.Registry;

namespace Modular.Engine.Images;

/// <summary>
/// <c>push</c> to a registry: the layer blobs are written by the exporter save uses (the
/// kept blob when its compression is the one wanted, else recompressed), then uploaded
/// with the config through <see cref="RegistryUploader"/>, then the manifest is PUT. The
/// image's own manifest is sent byte for byte when nothing in it changed, so the pushed
/// digest equals the pulled one.
/// </summary>
public sealed partial class ImagePusher(
    EngineOptions options,
    ImageStore store,
    IImageService images,
    LayerBlobs blobs,
    StorageDriverAccess drivers,
    ImageEvents events,
    ILoggerFactory loggers,
    ReadOnlyImageStores readOnlyStores) : IImagePusher
{
    private readonly ILogger _logger = loggers.CreateLogger<ImagePusher>();

    // The exporter's parts are internal to the engine; built here so this public class
    // keeps a constructor of public types (the CLI and manifest push resolve it).
    private readonly StoredImageReader _reader = new(images, store, blobs, readOnlyStores);
    private readonly ImageExportPlanner _planner = new(new LayerExporter(drivers));

    /// <summary>Pushes <paramref name="source"/> to <paramref name="destination"/>; returns the manifest digest.</summary>
    public async Task<string> PushAsync(
        string source,
        string destination,
        PushOptions push,
        CancellationToken cancellationToken)
    {
        try
        {
            var (id, digest) = await PushImageAsync(source, destination, push, cancellationToken);
            await events.AppendAsync("push", id, destination, cancellationToken);
            return digest;
        }
        catch (Exception e) when (ImageErrors.ShouldWrap(e) && e is not NotFoundException)
        {
            throw ImageErrors.ForPush(destination, e);
        }
    }

    private async Task<(string Id, string Digest)> PushImageAsync(
        string source,
        string destination,
        PushOptions push,
        CancellationToken cancellationToken)
    {
        var registries = RegistriesConfig.Load(options.RegistriesConfPath);
        var target = Destination(destination);
        var progress = push.Progress ?? new CopyProgress(null);
        var temp = Path.Combine(store.TempDirectory, "push-" + Guid.NewGuid().ToString("N"));
        try
        {
            var plan = await PlanAsync(source, push, temp, target, cancellationToken);
            progress.Starting();
            using var client = Client(target, registries, push);
            var uploader = new RegistryUploader(
                client, target.Domain!, target.Path, progress, _logger, MonolithicLimit(), ChunkSize());
            await UploadAsync(uploader, plan, cancellationToken);
            progress.WritingManifest();
            // A signed schema 1 manifest's digest is its payload's, without the signatures.
            var digest = plan.Digest ?? Digests.Of(plan.Manifest);
            var reference = push.ByDigest ? digest : target.Digest ?? target.Tag!;
            await uploader.PutManifestAsync(
                reference, plan.Manifest, plan.ManifestMediaType, cancellationToken);
            progress.ManifestWritten(digest, plan.Manifest.Length);
            return (plan.ImageId, digest);
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    private static ImageReference Destination(string destination)
    {
        var name = destination.StartsWith("docker://", StringComparison.Ordinal)
            ? destination["docker://".Length..]
            : destination;
        var reference = ImageReference.Parse(name).WithDefaultTag();

        // Podman reads a name without a registry as docker.io's.
        return reference.IsFullyQualified ? reference : reference.Qualify("docker.io");
    }

    private static async Task UploadAsync(
        RegistryUploader uploader,
        PushPlan plan,
        CancellationToken cancellationToken)
    {
        foreach (var layer in plan.Layers.DistinctBy(l => l.Descriptor.Digest))
        {
            var blob = new UploadBlob(
                layer.Descriptor,
                _ => Task.FromResult<Stream>(File.OpenRead(layer.Path)),
                layer.Sources);
            await uploader.UploadAsync(blob, isConfig: false, cancellationToken);
        }

        var config = new UploadBlob(
            plan.Config,
            _ => Task.FromResult<Stream>(new MemoryStream(plan.ConfigBytes)),
            []);
        await uploader.UploadAsync(config, isConfig: true, cancellationToken);
    }

    private RegistryClient Client(ImageReference target, RegistriesConfig registries, PushOptions push)
    {
        var entry = registries.Find(target.Repository);
        if (entry?.Blocked == true)
        {
            throw new InvalidInputException($"registry {target.Domain} is blocked in registries.conf");
        }

        var insecure = push.TlsVerify == false || (push.TlsVerify is null && entry?.Insecure == true);
        var credentials = push.Credentials is not null
            ? RegistryCredentials.FromFlag(push.Credentials)
            : RegistryCredentials.FromAuthFile(
                RegistryCredentials.AuthFilePath(push.AuthFile, options.AuthFilePath), target.Domain!);
        return new RegistryClient(
            target.Domain!, insecure, credentials, loggers.CreateLogger<RegistryClient>(), push.CertDirectory);
    }

    // The threshold between monolithic and chunked uploads; the environment may lower it
    // so tests (and users with proxies that cap request bodies) can exercise chunking.
    private static long MonolithicLimit() =>
        long.TryParse(Environment.GetEnvironmentVariable("MODULAR_PUSH_MONOLITHIC_LIMIT"), out var v) && v >= 0
            ? v
            : RegistryUploader.DefaultMonolithicLimit;

    private static int ChunkSize() =>
        int.TryParse(Environment.GetEnvironmentVariable("MODULAR_PUSH_CHUNK_SIZE"), out var v) && v > 0
            ? v
            : RegistryUploader.DefaultChunkSize;
}
