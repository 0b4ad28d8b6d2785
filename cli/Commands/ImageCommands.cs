using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Images;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>image inspect, image exists, tag, rmi, pull and load.</summary>
public static class ImageCommands
{
    public static Command Inspect(CliContext context)
    {
        var format = Value("--format", "Print through a Go template instead of as JSON", "-f");
        var names = Names("IMAGE", 1);
        return new Command("inspect", "Show the details of images as JSON").With(format, names)
            .WithAction(context, "image inspect", async (r, cancellationToken) =>
            {
                var items = new List<JsonObject>();
                foreach (var name in r.GetValue(names)!)
                {
                    items.Add(await context.Images.InspectAsync(name, cancellationToken));
                }

                InspectWriter.Write(context.Out, "inspect", items, r.GetValue(format));
                return ExitCodes.Success;
            });
    }

    public static Command Exists(CliContext context)
    {
        var name = One("IMAGE");
        return new Command("exists", "Exit with 0 if the image is stored here, 1 if not").With(name)
            .WithAction(context, "image exists", async (r, cancellationToken) =>
            {
                try
                {
                    await context.Images.ResolveAsync(r.GetValue(name)!, cancellationToken);
                    return ExitCodes.Success;
                }
                catch (NotFoundException)
                {
                    return ExitCodes.NoSuchObject;
                }
            });
    }

    public static Command Tag(CliContext context)
    {
        var image = One("IMAGE");
        var targets = Names("TARGET_NAME", 1);
        return new Command("tag", "Give a stored image one or more further names")
            .With(image, targets)
            .WithAction(context, "tag", async (r, cancellationToken) =>
            {
                foreach (var target in r.GetValue(targets)!)
                {
                    await context.Images.TagAsync(r.GetValue(image)!, target, cancellationToken);
                }

                return ExitCodes.Success;
            });
    }

    public static Command Remove(CliContext context, string name, string key)
    {
        var force = Switch("--force", "Also remove the containers that use the image, stopping them first", "-f");
        var all = Switch("--all", "Remove every stored image", "-a");
        var ignore = Switch("--ignore", "Ignore errors if a specified image does not exist", "-i");
        var noPrune = Switch("--no-prune", "Do not remove dangling images");
        var names = Names("IMAGE");
        return new Command(name, "Untag or delete stored images").With(force, all, ignore, noPrune, names)
            .WithAction(context, key, async (r, cancellationToken) =>
            {
                var targets = r.GetValue(names)!;
                RequireNamesOrAll("image", targets, r.GetValue(all));
                if (r.GetValue(all))
                {
                    // As Podman's --all (a readonly=false filter): read-only stores' images stay.
                    targets = (await context.Images.ListAsync(true, cancellationToken))
                        .Where(i => !i.ReadOnly).Select(i => i.Id).ToArray();
                }

                // Podman: --force and --ignore both pass over names that match no image; with
                // --all a listed parent may already have gone with its last child.
                var skipMissing = r.GetValue(force) || r.GetValue(ignore) || r.GetValue(all);
                var how = new RemoveHow(r.GetValue(force), skipMissing, r.GetValue(noPrune));
                return await RemoveEachAsync(context, key, targets, how, cancellationToken);
            });
    }

    /// <summary>Removes each name; reports every failure and exits with the last one's code.</summary>
    private static async Task<int> RemoveEachAsync(
        CliContext context,
        string key,
        IEnumerable<string> targets,
        RemoveHow how,
        CancellationToken cancellationToken)
    {
        var code = ExitCodes.Success;
        foreach (var target in targets)
        {
            try
            {
                if (how.SkipMissing && !await ExistsAsync(context, target, cancellationToken))
                {
                    continue;
                }

                if (how.Force)
                {
                    await context.Services.GetRequiredService<ForcedImageRemoval>()
                        .RemoveUsersAsync(target, cancellationToken);
                }

                var lines = await context.Images.RemoveAsync(target, how.Force, how.NoPrune, cancellationToken);
                foreach (var line in lines)
                {
                    context.Out.WriteLine(line);
                }
            }
            catch (ModularException e)
            {
                context.Failure = e;
                code = ErrorMapper.Report(key, e, context.Error, context.Debug);
            }
        }

        return code;
    }

    private static async Task<bool> ExistsAsync(CliContext context, string target, CancellationToken cancellationToken)
    {
        try
        {
            await context.Images.ResolveAsync(target, cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    public static Command Pull(CliContext context, string name)
    {
        var tlsVerify = new Option<bool?>("--tls-verify")
        {
            Description = "Check the registry's certificate; false allows HTTP",
        };
        var platform = Value(
            "--platform",
            "Pick the image built for this os/arch[/variant]");
        var arch = Value("--arch", "Pick the image for this CPU architecture");
        var os = Value("--os", "Pick the image for this operating system");
        var variant = Value("--variant", "Pick this variant of the architecture, such as v8");
        var quiet = Switch("--quiet", "Print no progress, only the image ID", "-q");
        var authFile = Value("--authfile", "File holding registry credentials");
        var creds = Value(
            "--creds",
            "Log in to the registry as USERNAME:PASSWORD");
        var policy = Value("--signature-policy", "Path to a policy.json to use instead of the default");
        var retry = Number("--retry", "Try a pull the network failed this many more times (default 3)");
        var retryDelay = Value("--retry-delay", "Wait this long between tries (default 2s, doubling)");
        var references = Names("IMAGE", minimum: 1);
        var command = new Command(name, "Download an image from a registry into the store")
            .With(tlsVerify, platform, arch, os, variant, quiet, authFile, creds, policy, retry, retryDelay,
                references);
        return command.WithAction(context, "pull", async (r, cancellationToken) =>
        {
            // Podman pulls each IMAGE in turn and stops at the first that fails.
            foreach (var reference in r.GetValue(references)!)
            {
                if (TransportPull.Handles(reference))
                {
                    var code = await TransportPull.RunAsync(context, reference, r.GetValue(quiet), cancellationToken);
                    if (code != ExitCodes.Success)
                    {
                        return code;
                    }

                    continue;
                }

                var options = new PullOptions(
                    TlsVerify: r.GetValue(tlsVerify),
                    Platform: Platforms.Choose(r.GetValue(platform), r.GetValue(os), r.GetValue(arch), r.GetValue(variant)),
                    Quiet: r.GetValue(quiet),
                    Progress: r.GetValue(quiet) ? null : context.Error,
                    AuthFile: r.GetValue(authFile),
                    Credentials: r.GetValue(creds),
                    SignaturePolicy: r.GetValue(policy),
                    Copy: r.GetValue(quiet) || Console.IsErrorRedirected
                        ? null
                        : new Modular.Engine.Registry.TerminalCopyProgress(context.Error));
                var image = await PullRetry.RunAsync(
                    r.GetValue(retry),
                    r.GetValue(retryDelay),
                    () => context.Images.PullAsync(reference, options, cancellationToken),
                    cancellationToken);
                context.Out.WriteLine(ImageView.HexId(image.Id));
            }

            return ExitCodes.Success;
        });
    }
}
