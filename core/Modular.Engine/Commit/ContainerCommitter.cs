using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Images;
using Modular.Engine.Images.Transports;
using Modular.Engine.State;

namespace Modular.Engine.Commit;

/// <summary>
/// <c>commit</c>: a container's layer becomes the top layer of a new image whose config is
/// the image's, updated with the container's process settings and the <c>--change</c>
/// instructions. The image is stored in one <see cref="ImageWriter"/> commit, so a failure
/// leaves the store as it was; the container is paused meanwhile only when asked.
/// </summary>
public sealed class ContainerCommitter(
    ContainerService containers,
    ILayerStore layers,
    LayerCapture capture,
    ImageComposer composer,
    ImageWriter writer,
    ImageEvents events) : IContainerCommitter
{
    /// <summary>Set by the engine in every container; an image must not inherit them.</summary>
    private static readonly HashSet<string> ContainerOnlyEnv = ["HOSTNAME", "HOME"];

    /// <summary>Commits the container; returns the new image's id (hex).</summary>
    public async Task<string> CommitAsync(
        string nameOrId,
        CommitOptions options,
        CancellationToken cancellationToken)
    {
        var changes = ConfigChanges.Apply(options.Changes ?? []);
        var names = options.Name is null
            ? []
            : new[] { ImageLookup.StoredName(ImageReference.Parse(options.Name)) };
        var (config, running) = await containers.CommitSourceAsync(nameOrId, cancellationToken);
        var layer = await CaptureAsync(config, running && options.Pause, options.Squash, cancellationToken);
        try
        {
            var draft = new ImageDraft(
                config.ImageId.Length == 0 ? null : config.ImageId,
                await RuntimeAsync(config, changes, options, cancellationToken),
                layer,
                new HistoryEntry("", options.Message, options.Author),
                names,
                options.Docker,
                DateTimeOffset.UtcNow,
                options.Squash,
                Author: options.Author,
                Comment: options.Message);
            var commit = await composer.ComposeAsync(draft, cancellationToken);
            Report(options.Progress, commit);
            var record = (await writer.CommitAllAsync([commit], cancellationToken))[0];
            await containers.EmitCommitAsync(config, cancellationToken);
            await events.AppendAsync("commit", record.Id, names.FirstOrDefault() ?? record.Id, cancellationToken);
            return record.Id;
        }
        finally
        {
            File.Delete(layer.Path);
        }
    }

    private async Task<CapturedLayer> CaptureAsync(
        ContainerConfig config,
        bool pause,
        bool squash,
        CancellationToken cancellationToken)
    {
        if (pause)
        {
            await containers.PauseAsync(config.Id, cancellationToken);
        }

        try
        {
            if (!squash)
            {
                return await capture.DiffAsync(config.LayerId!, cancellationToken);
            }

            var root = await layers.MountAsync(config.LayerId!, cancellationToken);
            try
            {
                return await capture.SquashAsync(root, cancellationToken);
            }
            finally
            {
                await layers.UnmountAsync(config.LayerId!, CancellationToken.None);
            }
        }
        finally
        {
            if (pause)
            {
                await containers.UnpauseAsync(config.Id, CancellationToken.None);
            }
        }
    }

    private async Task<JsonObject> RuntimeAsync(
        ContainerConfig container,
        JsonObject changes,
        CommitOptions options,
        CancellationToken cancellationToken)
    {
        var config = await ParentRuntimeAsync(container.ImageId, cancellationToken);
        RuntimeConfig.SetList(config, "Env", container.Env.Where(e => !ContainerOnlyEnv.Contains(e.Split('=')[0])));
        RuntimeConfig.SetList(config, "Entrypoint", container.Entrypoint.Count == 0 ? null : container.Entrypoint);
        RuntimeConfig.SetList(config, "Cmd", container.Cmd.Count == 0 ? null : container.Cmd);
        RuntimeConfig.SetString(config, "WorkingDir", container.WorkingDir == "/" ? null : container.WorkingDir);
        RuntimeConfig.SetString(config, "User", container.User);
        foreach (var (key, value) in container.Labels)
        {
            RuntimeConfig.SetLabel(config, key, value);
        }

        foreach (var port in container.ExposedPorts.Concat(container.PortMappings.Select(PortKey)))
        {
            RuntimeConfig.AddKey(config, "ExposedPorts", port);
        }

        if (options.IncludeVolumes)
        {
            foreach (var mount in container.Mounts.Where(m => m.Type is "bind" or "volume"))
            {
                RuntimeConfig.AddKey(config, "Volumes", mount.Destination);
            }
        }

        RuntimeConfig.Merge(config, changes);
        return RuntimeConfig.ForFormat(config, options.Docker);
    }

    private static string PortKey(Contracts.Network.PortMapping port) =>
        $"{port.ContainerPort}/{port.Protocol.ToLowerInvariant()}";

    private async Task<JsonObject> ParentRuntimeAsync(string imageId, CancellationToken cancellationToken)
    {
        if (imageId.Length == 0)
        {
            return [];
        }

        var path = Path.Combine(composer.ImageDirectory(imageId), "config.json");
        if (!File.Exists(path))
        {
            throw new NotFoundException($"{imageId}: image not known");
        }

        var root = JsonNode.Parse(await File.ReadAllBytesAsync(path, cancellationToken));
        return root?["config"]?.DeepClone() as JsonObject ?? [];
    }

    private static void Report(TextWriter? progress, ImageCommit commit)
    {
        if (progress is null)
        {
            return;
        }

        progress.WriteLine("Getting image source signatures");
        foreach (var layer in commit.Layers)
        {
            progress.WriteLine($"Copying blob {layer.CompressedDigest}");
        }

        progress.WriteLine($"Copying config {Digests.Of(commit.Config)}");
        progress.WriteLine("Writing manifest to image destination");
    }
}
