using System.Globalization;
using Modular.Engine.Configuration;
using Modular.Engine.Containers;
using Modular.Engine.Images;
using Modular.Hooks;

namespace Modular.Engine.OciHooks;

/// <summary>
/// What <c>hooks test</c> shows: the hooks a container created from a request would get,
/// worked out as create and init work them out (the image's entrypoint and command, the
/// annotations the spec would carry, the bind mounts asked for) without creating anything.
/// The image must be in the store already: a preview never pulls.
/// </summary>
public sealed class HookPreview(EngineOptions options, IImageService? images)
{
    /// <summary>The target and the hooks that would fire for it, in the order they would run.</summary>
    /// <exception cref="Contracts.Errors.InvalidInputException">A hooks.d file is invalid.</exception>
    /// <exception cref="Contracts.Errors.NotFoundException">The image is not in the store.</exception>
    public async Task<HookPreviewResult> PreviewAsync(
        CreateContainerRequest request,
        CancellationToken cancellationToken)
    {
        ContainerDefinition.CheckFlags(request);
        var image = request.Rootfs is null && images is not null && request.Image is not null
            ? await images.ResolveAsync(request.Image, cancellationToken)
            : null;
        var config = new ContainerDefinition(request, options, image)
            .Build(new string('0', 64), request.Runtime ?? options.Runtime);

        var catalog = HookCatalog.Load(options.HooksDirectories);
        catalog.ThrowIfInvalid();
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // The annotations SpecBuilder writes into every spec, which hooks see too.
            ["io.container.manager"] = "libpod",
            ["org.opencontainers.image.stopSignal"] =
                config.StopSignal.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in config.Annotations)
        {
            annotations[key] = value;
        }

        var target = OciHookTargets.For(config.ProcessArgs, annotations, request);
        return new HookPreviewResult(target, InLifecycleOrder(catalog.Match(target)));
    }

    private static List<HookMatch> InLifecycleOrder(IReadOnlyList<HookMatch> matches)
    {
        List<string> order = [HookStages.Precreate, .. HookStages.Runtime];
        return [.. matches.OrderBy(match => order.IndexOf(match.Stage))];
    }
}
