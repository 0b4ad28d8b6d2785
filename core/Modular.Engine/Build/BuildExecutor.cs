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
public sealed partial class BuildExecutor(
    IImageService images,
    ContainerService containers,
    ILayerStore layers,
    LayerCapture capture,
    ImageComposer composer,
    ImageWriter writer,
    LayerCache cache,
    ImageStore store,
    Plugins.IRuntimeRegistry runtimes,
    Configuration.EngineOptions engine) : IImageBuilder
{
    /// <summary>Builds; returns the final image's id (hex).</summary>
    public async Task<string> BuildAsync(BuildOptions options, CancellationToken cancellationToken)
    {
        CheckRuntime(options.Runtime ?? engine.Runtime);
        options = options with { DefaultMountsFile = engine.DefaultMountsFile };
        var file = ContainerfileParser.Parse(options.Containerfile);
        var target = Target(file, options.Target);
        var session = new BuildSession(options, file, new BuildServices(
            images, containers, layers, capture, composer, writer, cache, store))
        {
            Args = new BuildArgs(file, options.BuildArgs),
            Names = [.. options.Tags.Select(t => ImageLookup.StoredName(ImageReference.Parse(t)))],
            Ignore = IgnoreRules.Read(
                options.ContextDirectory, options.ContainerfilePaths, options.IgnoreFile),
        };
        try
        {
            var id = await RunStagesAsync(session, target, cancellationToken);
            if (session.Args.UnusedWarning() is { } unused)
            {
                session.Say(unused);
            }

            if (options.SquashAll || options.Squash)
            {
                id = await SquashAsync(session, target, id, cancellationToken);
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

    /// <summary>
    /// An unknown runtime fails the build before its first step, worded as Podman's runtime
    /// setup words it, rather than at the first RUN.
    /// </summary>
    private void CheckRuntime(string runtime)
    {
        if (!runtime.Contains('/') && !runtimes.InstalledIds.Contains(runtime))
        {
            throw new InvalidInputException(
                $"default OCI runtime \"{runtime}\" not found: invalid argument");
        }
    }

    private static BuildStage Target(Containerfile file, string? target)
    {
        if (target is null)
        {
            return file.Stages[^1];
        }

        return file.FindStage(target)
            ?? throw new InvalidInputException(
                $"the target \"{target}\" was not found in the provided Dockerfile");
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
            var run = new StageRun(session, stage, stage.Index == target.Index);
            last = await run.RunAsync(cancellationToken);
            session.StageImages[stage.Index] = last;
        }

        return last!;
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
