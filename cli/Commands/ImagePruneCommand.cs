using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Parsing;
using Modular.Engine.Build;
using Modular.Engine.Images.Management;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>image prune</c>: remove dangling (or, with -a, all unused) images; prints their ids.</summary>
public static class ImagePruneCommand
{
    public static Command Create(CliContext context)
    {
        var all = Switch("--all", "Remove all images not in use by containers, not just dangling ones", "-a");
        var force = Switch("--force", "Do not prompt for confirmation", "-f");
        var buildCache = Switch("--build-cache", "Remove persistent build cache created by --mount=type=cache");
        var external = Switch("--external", "Remove images even when they are used by external containers");
        var filters = Values("--filter", "Provide filter values (e.g. 'label=<key>=<value>')");
        return new Command("prune", "Remove unused images").With(all, force, buildCache, external, filters)
            .WithAction(context, "image prune", async (r, cancellationToken) =>
            {
                var options = Parse(r.GetValue(all), r.GetValue(filters)!, context.Now());
                if (!r.GetValue(force) && !PruneConfirmation.Ask(context, Warning(options.All)))
                {
                    return ExitCodes.Success;
                }

                var pruner = context.Services.GetRequiredService<IImagePruner>();
                foreach (var id in await pruner.PruneAsync(options, cancellationToken))
                {
                    context.Out.WriteLine(id);
                }

                // Cache keys of removed images go too; --build-cache also drops the cache mounts.
                // A remote service prunes its own cache with its images: there is none here.
                if (context.Services.GetService<LayerCache>() is { } cache)
                {
                    await cache.PruneAsync(r.GetValue(buildCache), cancellationToken);
                }

                return ExitCodes.Success;
            });
    }

    private static string Warning(bool all) => all
        ? "WARNING! This command removes all images without at least one container associated with them."
        : "WARNING! This command removes all dangling images.";

    /// <summary>The --filter values as prune options; public for the API's POST /images/prune.</summary>
    public static ImagePruneOptions Parse(bool all, string[] filters, DateTimeOffset now)
    {
        DateTimeOffset? until = null;
        bool? dangling = null;
        var labels = new List<(string, bool)>();
        foreach (var filter in filters)
        {
            var negated = filter.Contains("!=", StringComparison.Ordinal);
            var split = negated ? filter.Split("!=", 2) : filter.Split('=', 2);
            if (split.Length != 2)
            {
                throw new UsageException(Invalid(filter));
            }

            switch (split[0])
            {
                case "until": until = TimeArgument.Parse(split[1], now); break;
                case "label": labels.Add((split[1], negated)); break;
                case "dangling": dangling = Bool(split[1], "dangling"); break;
                default: throw new UsageException(Invalid(split[0]));
            }
        }

        return new ImagePruneOptions(all, until, labels, dangling);
    }

    private static bool Bool(string value, string key) => value.ToLowerInvariant() switch
    {
        "true" or "1" or "t" => true,
        "false" or "0" or "f" => false,
        _ => throw new UsageException($"non-boolean value \"{key}\" for {value} filter: strconv.ParseBool: parsing \"{value}\": invalid syntax"),
    };

    private static string Invalid(string what) =>
        $"invalid image filter \"{what}\": must be in the format \"filter=value or filter!=value\"";
}
