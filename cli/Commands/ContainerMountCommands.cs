using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>mount</c> and <c>unmount</c> (<c>umount</c>) of containers' root filesystems.</summary>
public static class ContainerMountCommands
{
    public static Command Mount(CliContext context)
    {
        var all = Switch("--all", "Mount all containers", "-a");
        var format = Value("--format", "Print the mounted containers in specified format (json)");
        var noTrunc = Switch("--no-trunc", "Do not truncate output");
        var latest = ContainerTargets.LatestOption();
        var names = Names("CONTAINER");
        return new Command("mount", "Mount a working container's root filesystem")
            .With(all, format, noTrunc, latest, names)
            .WithAction(context, "mount", async (r, cancellationToken) =>
            {
                var given = r.GetValue(names)!;
                if (given.Length == 0 && !r.GetValue(all) && !r.GetValue(latest))
                {
                    var mounted = await ContainerTargets.Control(context).ListMountedAsync(cancellationToken);
                    List(context, mounted, r.GetValue(format), r.GetValue(noTrunc));
                    return ExitCodes.Success;
                }

                ContainerTargets.Check(given, r.GetValue(all), latest: r.GetValue(latest));
                var targets = await ContainerTargets.ResolveAsync(
                    context, given, [], _ => true, cancellationToken, r.GetValue(latest));
                return await ContainerTargets.EachAsync(context, "mount", targets, async target =>
                {
                    var mount = await ContainerTargets.Control(context).MountAsync(target.Id, cancellationToken);
                    context.Out.WriteLine(mount.MountPoint);
                    return false;
                });
            });
    }

    public static Command Unmount(CliContext context)
    {
        var all = Switch("--all", "Unmount all of the currently mounted containers", "-a");
        var force = Switch("--force", "Force the complete unmount of the specified mounted containers", "-f");
        var latest = ContainerTargets.LatestOption();
        var names = Names("CONTAINER");
        return new Command("unmount", "Unmount working container's root filesystem")
            .With(all, force, latest, names)
            .Aliased("umount")
            .WithAction(context, "unmount", async (r, cancellationToken) =>
            {
                var given = r.GetValue(names)!;
                ContainerTargets.Check(given, r.GetValue(all), latest: r.GetValue(latest));
                var control = ContainerTargets.Control(context);
                var targets = r.GetValue(all)
                    ? (await control.ListMountedAsync(cancellationToken))
                        .Select(m => new ContainerTargets.Target(m.Id, m.Id)).ToList()
                    : await ContainerTargets.ResolveAsync(
                        context, given, [], _ => true, cancellationToken, r.GetValue(latest));
                return await ContainerTargets.EachAsync(context, "unmount", targets, async target =>
                {
                    var released = await control.UnmountAsync(target.Id, r.GetValue(force), cancellationToken);

                    // As Podman: the full ID of each container unmounted; a running one is passed over.
                    if (released is not null)
                    {
                        context.Out.WriteLine(released.Id);
                    }

                    return false;
                });
            });
    }

    private static void List(
        CliContext context,
        IReadOnlyList<ContainerMountInfo> mounted,
        string? format,
        bool noTrunc)
    {
        if (JsonOutput.IsJsonFormat(format))
        {
            var items = new JsonArray([.. mounted.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Id,
                ["Names"] = new JsonArray(m.Name),
                ["mountpoint"] = m.MountPoint,
            })]);
            var options = new JsonSerializerOptions
            {
                WriteIndented = true,
                IndentSize = 1,
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            };
            context.Out.WriteLine(items.ToJsonString(options));
            return;
        }

        if (!string.IsNullOrEmpty(format))
        {
            throw new UsageException($"unknown --format argument: \"{format}\"");
        }

        var lines = mounted.Select(m => $"{(noTrunc ? m.Id : ContainerView.ShortId(m.Id))}\t{m.MountPoint}\n");
        context.Out.Write(TabWriter.Align(string.Concat(lines)));
    }
}
