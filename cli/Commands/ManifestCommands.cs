using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Manifests;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>The <c>manifest</c> group: create, add, annotate, inspect, exists, remove, rm, push.</summary>
public static partial class ManifestCommands
{
    public static Command Group(CliContext c) =>
        new Command("manifest", "Manipulate manifest lists and image indexes").With(
            Create(c), Add(c), Annotate(c), Inspect(c), Exists(c), RemoveInstance(c), Rm(c), Push(c));

    private static IManifestListService Lists(CliContext context) =>
        context.Services.GetRequiredService<IManifestListService>();

    private static Command Create(CliContext context)
    {
        var flags = new PlatformFlags();
        var all = Switch("--all", "Add all of the lists' images if the images to add are lists");
        var amend = Switch("--amend", "Modify an existing list if one with the desired name already exists", "-a");
        var list = One("LIST");
        var images = Names("IMAGE");
        var command = new Command("create", "Create manifest list or image index")
            .With(all, amend, list, images).With(flags.All);
        return command.WithAction(context, "manifest create", async (r, ct) =>
        {
            var options = flags.Read(r) with { All = r.GetValue(all) };
            var id = await Lists(context).CreateAsync(
                r.GetValue(list)!, r.GetValue(images)!, r.GetValue(amend), options, ct);
            context.Out.WriteLine(id);
            return ExitCodes.Success;
        });
    }

    private static Command Add(CliContext context)
    {
        var flags = new PlatformFlags();
        var all = Switch("--all", "Add all of the list's images if the image is a list");
        var list = One("LIST");
        var image = One("IMAGE");
        var command = new Command("add", "Add images to a manifest list or image index")
            .With(all, list, image).With(flags.All);
        return command.WithAction(context, "manifest add", async (r, ct) =>
        {
            var options = flags.Read(r) with { All = r.GetValue(all) };
            context.Out.WriteLine(await Lists(context).AddAsync(r.GetValue(list)!, r.GetValue(image)!, options, ct));
            return ExitCodes.Success;
        });
    }

    private static Command Annotate(CliContext context)
    {
        var flags = new PlatformFlags();
        var index = Switch("--index", "Apply --annotation values to the image index itself");
        var list = One("LIST");
        var instance = new Argument<string?>("IMAGE") { Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("annotate", "Add or update information about an entry in a manifest list or image index")
            .With(index, list, instance).With(flags.All);
        return command.WithAction(context, "manifest annotate", async (r, ct) =>
        {
            var target = r.GetValue(index) ? null
                : r.GetValue(instance) ?? throw new UsageException("requires an image digest unless --index is given");
            context.Out.WriteLine(await Lists(context).AnnotateAsync(r.GetValue(list)!, target, flags.Read(r), ct));
            return ExitCodes.Success;
        });
    }

    private static Command Inspect(CliContext context)
    {
        var flags = new PlatformFlags();
        var name = One("IMAGE");
        var command = new Command("inspect", "Display the contents of a manifest list or image index")
            .With(flags.TlsVerify, flags.AuthFile, name);
        return command.WithAction(context, "manifest inspect", async (r, ct) =>
        {
            var json = await Lists(context).InspectAsync(r.GetValue(name)!, flags.Read(r), ct);
            context.Out.WriteLine(Encoding.UTF8.GetString(json));
            return ExitCodes.Success;
        });
    }

    private static Command Exists(CliContext context)
    {
        var name = One("MANIFEST");
        return new Command("exists", "Check if a manifest list exists in local storage").With(name)
            .WithAction(context, "manifest exists", async (r, ct) =>
                await Lists(context).ExistsAsync(r.GetValue(name)!, ct) ? ExitCodes.Success : ExitCodes.NoSuchObject);
    }

    private static Command RemoveInstance(CliContext context)
    {
        var list = One("LIST");
        var digest = One("DIGEST");
        return new Command("remove", "Remove an item from a manifest list or image index").With(list, digest)
            .WithAction(context, "manifest remove", async (r, ct) =>
            {
                var id = await Lists(context).RemoveInstanceAsync(r.GetValue(list)!, r.GetValue(digest)!, ct);
                context.Out.WriteLine($"{id}: {r.GetValue(digest)}");
                return ExitCodes.Success;
            });
    }

    private static Command Rm(CliContext context)
    {
        var names = Names("LIST", 1);
        return new Command("rm", "Remove manifest list or image index from local storage").With(names)
            .WithAction(context, "manifest rm", async (r, ct) =>
            {
                foreach (var name in r.GetValue(names)!)
                {
                    foreach (var line in await Lists(context).DeleteAsync(name, ct))
                    {
                        context.Out.WriteLine(line);
                    }
                }

                return ExitCodes.Success;
            });
    }
}
