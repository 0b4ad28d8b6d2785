using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Images;
using Modular.Engine.Manifests;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

public static partial class ManifestCommands
{
    private static Command Push(CliContext context)
    {
        var flags = new PlatformFlags();
        var all = new Option<bool>("--all")
        {
            Description = "Also push the images in the list",
            DefaultValueFactory = _ => true,
        };
        var format = Value("--format", "Manifest type (oci, v2s2, or docker) to use in the destination", "-f");
        var remove = Switch("--rm", "Remove the manifest list if push succeeds");
        var digestFile = Value("--digestfile", "After copying the image, write the digest of the resulting digest to the file");
        var quiet = Switch("--quiet", "Don't output progress information when pushing lists", "-q");
        var list = One("SOURCE");
        var destination = new Argument<string?>("DESTINATION") { Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("push", "Push a manifest list or image index to a registry")
            .With(all, format, remove, digestFile, quiet, flags.TlsVerify, flags.AuthFile, flags.Creds, list, destination);
        return command.WithAction(context, "manifest push", async (r, ct) =>
        {
            var source = r.GetValue(list)!;
            if (r.GetValue(digestFile) is { Length: > 0 } target)
            {
                Engine.Files.OutputFile.EnsureCreatable(target, "");
            }

            var options = new ManifestPushOptions(
                new PushOptions(
                    TlsVerify: r.GetValue(flags.TlsVerify),
                    AuthFile: r.GetValue(flags.AuthFile),
                    Credentials: r.GetValue(flags.Creds)),
                All: r.GetValue(all),
                Format: r.GetValue(format),
                Remove: r.GetValue(remove),
                Progress: r.GetValue(quiet) ? null : context.Error);
            var digest = await context.Services.GetRequiredService<IManifestListPusher>()
                .PushAsync(source, r.GetValue(destination) ?? source, options, ct);
            if (r.GetValue(digestFile) is { } file)
            {
                await Engine.Files.OutputFile.WriteTextAsync(file, digest, ct);
            }

            return ExitCodes.Success;
        });
    }
}
