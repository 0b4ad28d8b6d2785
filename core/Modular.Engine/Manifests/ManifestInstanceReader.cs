using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Engine.Configuration;
using Modular.Engine.Images;
using Modular.Engine.Registry;

namespace Modular.Engine.Manifests;

/// <summary>
/// Describes an image to add to a list: its manifest's type, size and digest, and its
/// platform read from its config. From a registry (<c>docker://</c>) or the local store
/// (<c>containers-storage:</c>, or a bare name found locally).
/// </summary>
public sealed class ManifestInstanceReader(EngineOptions options, ImageStore store, ILoggerFactory loggers)
{
    private const string Docker = "docker://";
    private const string Local = "containers-storage:";

    /// <summary>The entries <paramref name="input"/> contributes (several for a list with --all).</summary>
    public async Task<IReadOnlyList<ManifestListEntry>> ReadAsync(
        string input,
        ManifestAddOptions add,
        CancellationToken cancellationToken)
    {
        if (input.StartsWith(Docker, StringComparison.Ordinal))
        {
            return await RemoteAsync(input[Docker.Length..], add, cancellationToken);
        }

        var name = input.StartsWith(Local, StringComparison.Ordinal) ? input[Local.Length..] : input;
        var state = await store.ReadAsync(cancellationToken);
        var search = RegistriesConfig.Load(options.RegistriesConfPath).UnqualifiedSearchRegistries;
        try
        {
            return [await LocalAsync(ImageLookup.Find(state, name, search), cancellationToken)];
        }
        catch (NotFoundException) when (!input.StartsWith(Local, StringComparison.Ordinal))
        {
            // Not stored here: a bare name means the registry, as in Podman.
            return await RemoteAsync(input, add, cancellationToken);
        }
    }

    private async Task<ManifestListEntry> LocalAsync(ImageRecord image, CancellationToken cancellationToken)
    {
        if (MediaTypes.IsIndex(image.ManifestMediaType))
        {
            throw new InvalidInputException(
                $"{image.Names.FirstOrDefault() ?? image.Id}: adding a local manifest list to a list is not supported");
        }

        var directory = store.ImageDirectory(image.Id);
        var manifest = await File.ReadAllBytesAsync(Path.Combine(directory, "manifest"), cancellationToken);
        var config = await File.ReadAllBytesAsync(Path.Combine(directory, "config.json"), cancellationToken);
        return FromConfig(image.ManifestMediaType, manifest.Length, Digests.Of(manifest), config, Local + image.Id);
    }

    private async Task<IReadOnlyList<ManifestListEntry>> RemoteAsync(
        string text,
        ManifestAddOptions add,
        CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(text).WithDefaultTag();
        if (!reference.IsFullyQualified)
        {
            throw new InvalidInputException($"{text}: a registry image must be fully qualified");
        }

        using var client = ClientFor(reference, add.TlsVerify, add);
        var top = await client.GetManifestAsync(reference.Path, reference.Digest ?? reference.Tag!, cancellationToken);
        var manifest = Manifest.Parse(top.Body, top.MediaType);
        if (!manifest.IsIndex)
        {
            return [await DescribeAsync(client, reference, top, manifest, cancellationToken)];
        }

        if (add.All)
        {
            return [.. manifest.Children.Select(c => FromDescriptor(reference, c))];
        }

        var wanted = Platform.Normalise(add.Os ?? "linux", add.Architecture ?? Platform.Host().Architecture, add.Variant);
        var child = manifest.Choose(wanted);
        var instance = await client.GetManifestAsync(reference.Path, child.Digest, cancellationToken);
        return [await DescribeAsync(client, reference, instance, Manifest.Parse(instance.Body, instance.MediaType), cancellationToken)];
    }

    private static async Task<ManifestListEntry> DescribeAsync(
        RegistryClient client,
        ImageReference reference,
        ManifestResponse response,
        Manifest manifest,
        CancellationToken cancellationToken)
    {
        using var config = new MemoryStream();
        await BlobFetcher.FetchAsync(client, reference.Path, manifest.Config!, config, cancellationToken);
        var type = string.IsNullOrEmpty(manifest.MediaType) ? response.MediaType : manifest.MediaType;
        return FromConfig(type, response.Body.Length, response.Digest, config.ToArray(),
            $"{Docker}{reference.Repository}@{response.Digest}");
    }

    private static ManifestListEntry FromDescriptor(ImageReference reference, Descriptor child)
    {
        var p = child.Platform ?? new Platform("", "", "");
        return new ManifestListEntry(child.MediaType, child.Size, child.Digest, p.Architecture, p.Os,
            p.Variant == "v8" && p.Architecture == "arm64" ? "" : p.Variant, "", [], [],
            child.Annotations ?? new Dictionary<string, string>(), $"{Docker}{reference.Repository}@{child.Digest}");
    }

    private static ManifestListEntry FromConfig(string mediaType, long size, string digest, byte[] config, string source)
    {
        var root = JsonNode.Parse(config) as JsonObject ?? [];
        string Text(string key) => root[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
        var osFeatures = root["os.features"] is JsonArray a ? a.Select(n => n?.ToString() ?? "").ToList() : [];
        return new ManifestListEntry(mediaType, size, digest, Text("architecture"), Text("os"), Text("variant"),
            Text("os.version"), osFeatures, [], new Dictionary<string, string>(), source);
    }

    /// <summary>A client for the registry the reference lives on, honouring registries.conf.</summary>
    public RegistryClient ClientFor(ImageReference reference, bool? tlsVerify, ManifestAddOptions add)
    {
        var source = RegistriesConfig.Load(options.RegistriesConfPath).PullSources(reference, tlsVerify)[^1];
        var domain = reference.Domain!;
        var credentials = add.Credentials is not null
            ? RegistryCredentials.FromFlag(add.Credentials)
            : RegistryCredentials.FromAuthFile(
                RegistryCredentials.AuthFilePath(add.AuthFile, options.AuthFilePath), domain);
        return new RegistryClient(domain, source.Insecure, credentials, loggers.CreateLogger<RegistryClient>());
    }
}
