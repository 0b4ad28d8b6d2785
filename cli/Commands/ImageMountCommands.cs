using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Engine.Images.Management;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>image mount</c> and <c>image unmount</c>.</summary>
public static class ImageMountCommands
{
    public static Command Mount(CliContext context)
    {
        var all = Switch("--all", "Mount all images", "-a");
        var format = Value("--format", "Print the mounted images in specified format (json)");
        var names = Names("IMAGE");
        return new Command("mount", "Mount an image's root filesystem").With(all, format, names)
            .WithAction(context, "image mount", async (r, cancellationToken) =>
            {
                var args = r.GetValue(names)!;
                if (args.Length > 0 && r.GetValue(all))
                {
                    throw new UsageException("when using the --all switch, you may not pass any image names or IDs");
                }

                var mounter = context.Services.GetRequiredService<ImageMounter>();
                var targets = r.GetValue(all)
                    ? (await context.Images.ListAsync(false, cancellationToken)).Select(i => i.Id).ToArray()
                    : args;
                var mounts = new List<ImageMount>();
                foreach (var target in targets)
                {
                    mounts.Add(await mounter.MountAsync(target, cancellationToken));
                }

                Write(context, targets.Length == 0 ? await mounter.ListAsync(cancellationToken) : mounts, args.Length == 1 && !r.GetValue(all), r.GetValue(format));
                return ExitCodes.Success;
            });
    }

    public static Command Unmount(CliContext context)
    {
        var all = Switch("--all", "Unmount all of the currently mounted images", "-a");
        var force = Switch("--force", "Force the complete unmount of the specified mounted images", "-f");
        var names = Names("IMAGE");
        return new Command("unmount", "Unmount an image's root filesystem").With(all, force, names).Aliased("umount")
            .WithAction(context, "image unmount", async (r, cancellationToken) =>
            {
                var args = r.GetValue(names)!;
                var mounter = context.Services.GetRequiredService<ImageMounter>();
                if (args.Length == 0 && !r.GetValue(all))
                {
                    throw new UsageException("image name or ID must be specified");
                }

                if (args.Length > 0 && r.GetValue(all))
                {
                    throw new UsageException("when using the --all switch, you may not pass any image names or IDs");
                }

                var targets = r.GetValue(all) ? (await mounter.ListAsync(cancellationToken)).Select(m => m.Id).ToArray() : args;
                foreach (var target in targets)
                {
                    var (id, _) = await mounter.UnmountAsync(target, cancellationToken);
                    context.Out.WriteLine(id);
                }

                return ExitCodes.Success;
            });
    }

    private static void Write(CliContext context, IReadOnlyList<ImageMount> mounts, bool single, string? format)
    {
        if (single && format is null)
        {
            context.Out.WriteLine(mounts[0].Path);
            return;
        }

        if (JsonOutput.IsJsonFormat(format))
        {
            var items = new JsonArray([.. mounts.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Id,
                ["Names"] = new JsonArray(m.Digest),
                ["Repositories"] = new JsonArray([.. m.Repositories.Select(n => (JsonNode)n)]),
                ["mountpoint"] = m.Path,
            })]);
            var options = new JsonSerializerOptions { WriteIndented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            context.Out.WriteLine(items.ToJsonString(options));
            return;
        }

        if (format is not null)
        {
            throw new UsageException($"unknown --format argument: \"{format}\"");
        }

        var lines = mounts.Select(m => $"{m.Repositories.FirstOrDefault() ?? m.Id}\t{m.Path}\n");
        context.Out.Write(TabWriter.Align(string.Concat(lines)));
    }
}
