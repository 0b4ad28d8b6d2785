using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Engine.Images;
using Modular.Engine.Registry;

namespace Modular.Engine.Manifests;

/// <summary>
/// <c>manifest push</c>: copies each instance (its blobs, then its manifest by digest) to
/// the destination repository, then PUTs the list under the destination's tag. An instance
/// from a registry is copied blob by blob (mounted when it lives on the same registry); a
/// local instance goes through <see cref="ImagePusher"/>.
/// </summary>
public sealed class ManifestListPusher(
    ManifestListStore lists,
    ManifestInstanceReader instances,
    ImagePusher pusher,
    IImageService images,
    ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<ManifestListPusher>();

    /// <summary>Pushes the list; returns the pushed list's digest.</summary>
    public async Task<string> PushAsync(
        string listName,
        string destination,
        ManifestPushOptions push,
        CancellationToken cancellationToken)
    {
        var (record, list) = await lists.GetAsync(listName, cancellationToken);
        var target = Target(destination);
        var add = new ManifestAddOptions(TlsVerify: push.Push.TlsVerify, AuthFile: push.Push.AuthFile,
            Credentials: push.Push.Credentials);
        using var client = instances.ClientFor(target, push.Push.TlsVerify, add);
        var progress = new CopyProgress(push.Progress);
        if (push.All)
        {
            Line(push, "Getting image list signatures");
            Line(push, $"Copying {list.Entries.Count} images generated from {list.Entries.Count} images in list");
            for (var i = 0; i < list.Entries.Count; i++)
            {
                Line(push, $"Copying image {list.Entries[i].Digest} ({i + 1}/{list.Entries.Count})");
                await CopyInstanceAsync(list.Entries[i], target, client, add, push, progress, cancellationToken);
            }
        }

        var json = list.ToJson(MediaTypeFor(push.Format, list.MediaType));
        Line(push, "Writing manifest list to image destination");
        await client.PutManifestAsync(target.Path, target.Digest ?? target.Tag!, json,
            MediaTypeFor(push.Format, list.MediaType), cancellationToken);
        Line(push, "Storing list signatures");
        if (push.Remove)
        {
            await images.RemoveAsync(record.Id, force: false, cancellationToken);
        }

        return Digests.Of(json);
    }

    private async Task CopyInstanceAsync(
        ManifestListEntry entry,
        ImageReference target,
        RegistryClient client,
        ManifestAddOptions add,
        ManifestPushOptions push,
        CopyProgress progress,
        CancellationToken cancellationToken)
    {
        const string Local = "containers-storage:";
        if (entry.Source.StartsWith(Local, StringComparison.Ordinal))
        {
            var pushed = await pusher.PushAsync(entry.Source[Local.Length..],
                $"{target.Repository}@{entry.Digest}", push.Push with { Progress = progress }, cancellationToken);
            _logger.LogDebug("Pushed local instance {Digest} as {Pushed}", entry.Digest, pushed);
            return;
        }

        if (!entry.Source.StartsWith("docker://", StringComparison.Ordinal))
        {
            throw new InvalidInputException(
                $"instance {entry.Digest} has no known source: add it again with manifest add");
        }

        var source = ImageReference.Parse(entry.Source["docker://".Length..]);
        using var from = instances.ClientFor(source, push.Push.TlsVerify, add);
        await RegistryCopy.CopyAsync(from, source, client, target, progress, _logger, cancellationToken);
    }

    private static ImageReference Target(string destination)
    {
        var name = destination.StartsWith("docker://", StringComparison.Ordinal) ? destination[9..] : destination;
        var reference = ImageReference.Parse(name).WithDefaultTag();
        return reference.IsFullyQualified
            ? reference
            : throw new InvalidInputException($"{destination}: a push destination must name a registry");
    }

    private static string MediaTypeFor(string? format, string current) => format switch
    {
        null or "" => current,
        "oci" => MediaTypes.OciIndex,
        "v2s2" or "docker" => MediaTypes.DockerManifestList,
        _ => throw new InvalidInputException($"unsupported format \"{format}\": use oci or v2s2"),
    };

    private static void Line(ManifestPushOptions push, string text)
    {
        if (push.Progress is { } writer)
        {
            lock (writer)
            {
                writer.WriteLine(text);
            }
        }
    }
}
