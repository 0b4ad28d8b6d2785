using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Engine.Containers;

namespace Modular.Cli.Commands;

/// <summary>The containers <c>ps</c> shows, in order, with what --size and --ns add.</summary>
public sealed record PsListing(
    IReadOnlyList<ContainerInfo> Containers,
    IReadOnlyDictionary<string, ContainerSize>? Sizes,
    IReadOnlyDictionary<string, PsNamespaces>? Namespaces)
{
    /// <summary>Volume and bind destinations per container, for JSON and templates naming .Mounts.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Mounts { get; init; }

    public static async Task<PsListing> ListAsync(
        CliContext context,
        PsRequest request,
        CancellationToken cancellationToken)
    {
        // A status filter, --last and --latest look at every container (Podman, after Docker).
        var everyone = request.All || request.Latest || request.Last is > 0
            || request.Filters.Any(f => f.StartsWith("status=", StringComparison.Ordinal));
        var all = await context.Containers.ListAsync(true, cancellationToken);

        // Build containers are buildah's in Podman, listed only with --external.
        all = request.External ? all : [.. all.Where(c => !c.Labels.ContainsKey(Modular.Engine.Build.BuildContainers.Label))];
        var shown = everyone ? all : all.Where(c => c.State == "running").ToList();
        var matches = await PsFilters.BuildAsync(context, request.Filters, shown, cancellationToken);

        var selected = shown.Where(matches).OrderByDescending(c => c.Created).ToList();
        var count = request.Latest ? 1 : request.Last is > 0 ? request.Last.Value : int.MaxValue;
        var taken = selected.Take(count).ToList();

        var sizes = request.Size ? await SizesAsync(context, taken, cancellationToken) : null;
        var namespaces = request.Namespaces ? taken.ToDictionary(c => c.Id, PsNamespaces.Of) : null;
        var wantsMounts = request.Format is { } format
            && (JsonOutput.IsJsonFormat(format) || format.Contains(".Mounts", StringComparison.Ordinal));
        return new PsListing(PsSort.Apply(taken, request.Sort, sizes), sizes, namespaces)
        {
            Mounts = wantsMounts ? await MountsAsync(context, taken, cancellationToken) : null,
        };
    }

    // Podman lists the destinations of the user's volumes and bind mounts; only inspect has them.
    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> MountsAsync(
        CliContext context,
        IReadOnlyList<ContainerInfo> containers,
        CancellationToken cancellationToken)
    {
        var mounts = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var container in containers)
        {
            var inspect = await context.Containers.InspectAsync(container.Id, cancellationToken);
            mounts[container.Id] = (inspect["Mounts"] as System.Text.Json.Nodes.JsonArray ?? [])
                .Select(m => m?["Destination"]?.GetValue<string>())
                .OfType<string>()
                .ToList();
        }

        return mounts;
    }

    private static async Task<IReadOnlyDictionary<string, ContainerSize>> SizesAsync(
        CliContext context,
        IReadOnlyList<ContainerInfo> containers,
        CancellationToken cancellationToken)
    {
        var measure = context.Services.GetRequiredService<IContainerSizes>();
        var sizes = new Dictionary<string, ContainerSize>();
        foreach (var container in containers)
        {
            sizes[container.Id] = await measure.MeasureAsync(container, cancellationToken);
        }

        return sizes;
    }
}
