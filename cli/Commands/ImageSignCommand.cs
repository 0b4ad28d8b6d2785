using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Configuration;
using Modular.Engine.Images;
using Modular.Engine.Images.Transports;
using Modular.Engine.Registry;
using Modular.Engine.Signing;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>image sign --sign-by KEY TRANSPORT:IMAGE...</c>: simple signing with GnuPG, as
/// Podman does. Like Podman, each image needs a transport: <c>docker://REF</c> (the
/// manifest digest is read from the registry) or <c>containers-storage:REF</c> (the local
/// image's). Signatures go under <c>--directory</c>, else under /var/lib/modular/sigstore
/// (Podman's default lookaside is /var/lib/containers/sigstore, which modpod never writes).
/// </summary>
public static class ImageSignCommand
{
    private const string DefaultDirectory = "/var/lib/modular/sigstore";

    public static Command Create(CliContext context)
    {
        var directory = Value("--directory", "Define an alternate directory to store signatures", "-d");
        var signBy = Value("--sign-by", "Name of the signing key");
        var certDir = Value("--cert-dir", "Pathname of a directory containing TLS certificates and keys");
        var all = Switch("--all", "Sign all the manifests of the multi-architecture image", "-a");
        var authFile = Value(
            "--authfile",
            "Path of the authentication file. Use REGISTRY_AUTH_FILE environment variable to override");
        var images = Names("IMAGE", minimum: 1);
        return new Command("sign", "Sign an image")
            .With(directory, signBy, certDir, all, authFile, images)
            .WithAction(context, "image sign", async (r, cancellationToken) =>
            {
                var key = r.GetValue(signBy);
                if (string.IsNullOrEmpty(key))
                {
                    throw new UsageException("no identity provided");
                }

                var dir = r.GetValue(directory);
                if (dir is not null && !Directory.Exists(dir) && !File.Exists(dir))
                {
                    throw new InvalidInputException($"stat {dir}: no such file or directory");
                }

                foreach (var input in r.GetValue(images)!)
                {
                    var (reference, digest) = await TargetAsync(
                        context,
                        input,
                        r.GetValue(authFile),
                        r.GetValue(certDir),
                        r.GetValue(all),
                        cancellationToken);
                    await StoreAsync(reference, digest, key, dir ?? DefaultDirectory, cancellationToken);
                }

                return ExitCodes.Success;
            });
    }

    private static async Task StoreAsync(
        ImageReference reference,
        string digest,
        string key,
        string directory,
        CancellationToken cancellationToken)
    {
        var name = $"{reference.Repository}:{reference.Tag ?? ImageReference.DefaultTag}";
        try
        {
            await SimpleSigning.SignAsync(name, reference.Path, digest, key, directory, cancellationToken);
        }
        catch (BackendException e)
        {
            throw new BackendException($"storing signature for {name}, {digest}: {e.Message}", e);
        }
    }

    private static async Task<(ImageReference Reference, string Digest)> TargetAsync(
        CliContext context,
        string input,
        string? authFile,
        string? certDir,
        bool all,
        CancellationToken cancellationToken)
    {
        TransportReference parsed;
        try
        {
            parsed = TransportReference.Parse(input);
        }
        catch (InvalidInputException e)
        {
            throw new InvalidInputException($"parsing image name: {e.Message}", e);
        }

        if (all)
        {
            // Neither transport here hands us a manifest list to walk.
            throw new InvalidInputException($"{input} is not a multi-architecture image");
        }

        return parsed.Kind switch
        {
            TransportKind.Docker =>
                await RegistryDigestAsync(context, parsed.Name!, authFile, certDir, cancellationToken),
            TransportKind.ContainersStorage =>
                await LocalDigestAsync(context, parsed.Name!, cancellationToken),
            _ => throw new InvalidInputException(
                $"cannot determine canonical Docker reference for destination {parsed}"),
        };
    }

    private static async Task<(ImageReference, string)> LocalDigestAsync(
        CliContext context,
        string name,
        CancellationToken cancellationToken)
    {
        var image = await context.Images.ResolveAsync(name, cancellationToken);
        var reference = ImageReference.Parse(image.Names.FirstOrDefault()
            ?? throw new InvalidInputException($"cannot determine canonical Docker reference for {name}"));
        return (reference, image.Digest);
    }

    private static async Task<(ImageReference, string)> RegistryDigestAsync(
        CliContext context,
        string name,
        string? authFile,
        string? certDir,
        CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(name);
        var options = context.Services.GetRequiredService<EngineOptions>();
        var config = RegistriesConfig.Load(options.RegistriesConfPath);
        var domain = reference.Domain ?? "docker.io";
        var credentials = RegistryCredentials.FromAuthFile(
            RegistryCredentials.AuthFilePath(authFile, options.AuthFilePath), domain);
        using var client = new RegistryClient(
            domain,
            config.Find(domain)?.Insecure == true,
            credentials,
            context.Services.GetRequiredService<ILoggerFactory>().CreateLogger<RegistryClient>(),
            certDir);
        var manifest = await client.GetManifestAsync(
            reference.Path,
            reference.Digest ?? reference.Tag ?? ImageReference.DefaultTag,
            cancellationToken);
        return (reference, manifest.Digest);
    }
}
