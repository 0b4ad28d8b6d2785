using Modular.Contracts.Errors;
using Modular.Engine.Build.Syntax;
using Modular.Engine.Commit;
using Modular.Engine.Containers;
using Modular.Engine.Images;

namespace Modular.Engine.Build;

/// <summary>
/// <c>build</c>: parses the Containerfile, builds the target stage and the stages it uses,
/// each step committed as an (intermediate) image and cached, and names the last one.
/// RUN steps run in ordinary containers through the configured runtime, removed after
/// each step, also on failure.
/// </summary>
public sealed class BuildExecutor(
    IImageService images,
    ContainerService containers,
    ILayerStore layers,
    LayerCapture capture,
    ImageComposer composer,
    ImageWriter writer,
    LayerCache cache,
    ImageStore store)
{
    /// <summary>Builds; returns the final image's id (hex).</summary>
    public async Task<string> BuildAsync(BuildOptions options, CancellationToken cancellationToken)
    {
        var file = ContainerfileParser.Parse(options.Containerfile);
        var target = Target(file, options.Target);
        var session = new BuildSession(options, file, new BuildServices(
            images, containers, layers, capture, composer, writer, cache, store))
        {
            Globals = BuildVariables.Globals(file.GlobalArgs, options.BuildArgs, file.Directives.Escape),
            Names = [.. options.Tags.Select(t => ImageLookup.StoredName(ImageReference.Parse(t)))],
            Ignore = IgnoreRules.Read(options.ContextDirectory, options.ContainerfilePaths, options.IgnoreFile),
        };
        try
        {
            var id = await RunStagesAsync(session, target, cancellationToken);
            if (options.SquashAll || options.Squash)
            {
                id = await SquashAsync(session, id, cancellationToken);
            }

            await DropIntermediatesAsync(session, id);
            foreach (var name in session.Names)
            {
                session.Say($"Successfully tagged {name}");
            }

            return id;
        }
        catch
        {
            if (!options.Layers)
            {
                await DropIntermediatesAsync(session, null);
            }

            throw;
        }
    }

    private static BuildStage Target(Containerfile file, string? target)
    {
        if (target is null)
        {
            return file.Stages[^1];
        }

        return file.FindStage(target)
            ?? throw new InvalidInputException($"the target \"{target}\" was not found in the provided Dockerfile");
    }

    private static async Task<string> RunStagesAsync(
        BuildSession session,
        BuildStage target,
        CancellationToken cancellationToken)
    {
        var needed = StageGraph.Needed(session.File, target);
        string? last = null;
        foreach (var stage in session.File.Stages.Where(s => needed.Contains(s.Index)))
        {
            last = await new StageRun(session, stage, stage.Index == target.Index).RunAsync(cancellationToken);
            session.StageImages[stage.Index] = last;
        }

        return last!;
    }

    /// <summary>--squash-all (and, here, --squash): the whole file system as the one layer.</summary>
    private async Task<string> SquashAsync(BuildSession session, string id, CancellationToken cancellationToken)
    {
        var image = await images.ResolveAsync(id, cancellationToken);
        CapturedLayer layer;
        await using (var view = await TempLayer.CreateAsync(layers, image.TopLayerId, cancellationToken))
        {
            layer = await capture.SquashAsync(view.Root, cancellationToken);
        }

        try
        {
            var config = System.Text.Json.Nodes.JsonNode.Parse(
                await File.ReadAllBytesAsync(Path.Combine(store.ImageDirectory(id), "config.json"), cancellationToken));
            var draft = new ImageDraft(
                id,
                (System.Text.Json.Nodes.JsonObject)config!["config"]!.DeepClone(),
                layer,
                new HistoryEntry("/bin/sh -c #(nop) squashed"),
                session.Names,
                session.Options.Docker,
                session.Options.Timestamp ?? DateTimeOffset.UtcNow,
                Squash: true,
                OmitHistory: session.Options.OmitHistory);
            var record = (await writer.CommitAllAsync([await composer.ComposeAsync(draft, cancellationToken)], cancellationToken))[0];
            session.Committed.Add(record.Id);
            return record.Id;
        }
        finally
        {
            File.Delete(layer.Path);
        }
    }

    /// <summary>Without --layers, only the final image stays (none after a failure).</summary>
    private async Task DropIntermediatesAsync(BuildSession session, string? keep)
    {
        if (session.Options.Layers && !(session.Options.Squash || session.Options.SquashAll))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        foreach (var id in Enumerable.Reverse(session.Committed).Where(i => i != keep).Distinct())
        {
            try
            {
                await images.RemoveAsync(id, force: false, timeout.Token);
            }
            catch (ModularException)
            {
                // Still named or used: then it is no intermediate of this build alone.
            }
        }
    }
}
