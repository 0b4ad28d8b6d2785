namespace Modular.TestImages;

/// <summary>
/// Command line: <c>KIND [--name REF] [--marker M] [--token T] (--docker-archive PATH |
/// --oci-archive PATH | --push HOST:PORT/REPO:TAG [--oci])</c>, or
/// <c>push-list HOST:PORT/REPO:TAG [--oci]</c> for a two-platform busybox list, or
/// <c>push-podman-suite HOST:PORT</c> for every image Podman's system tests pull.
/// Prints the image ID for archives and the manifest digest for pushes.
/// </summary>
public static class Program
{
    private const string Usage =
        "usage: KIND [--name REF] [--marker M] [--token T] " +
        "(--docker-archive PATH | --oci-archive PATH | --push HOST:PORT/REPO:TAG [--oci])\n" +
        "       push-list HOST:PORT/REPO:TAG [--oci]\n" +
        "       push-podman-suite HOST:PORT\n" +
        "kinds: ";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.Error.WriteLine(Usage + string.Join(", ", ImageKinds.Names));
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            var options = CommandLine.Parse(args);
            Console.WriteLine(await RunAsync(options, CancellationToken.None));
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or HttpRequestException or IOException)
        {
            Console.Error.WriteLine("Error: " + e.Message);
            return 1;
        }
    }

    private static async Task<string> RunAsync(CommandLine options, CancellationToken cancellationToken)
    {
        var format = options.Oci ? ManifestFormat.Oci : ManifestFormat.DockerSchema2;
        if (options.Kind == "push-podman-suite")
        {
            return await PodmanSuitePush.PushAllAsync(
                options.Positional ?? throw new ArgumentException("push-podman-suite needs HOST:PORT"),
                cancellationToken);
        }

        if (options.Kind == "push-list")
        {
            var target = PushTarget.Parse(options.Push ?? options.Positional
                ?? throw new ArgumentException("push-list needs HOST:PORT/REPO:TAG"));
            var images = new[]
            {
                await TestImageCatalog.BusyboxAsync(target.Reference, "amd64", cancellationToken),
                await TestImageCatalog.BusyboxAsync(target.Reference, "arm64", cancellationToken),
            };
            using var http = new HttpClient();
            return await RegistryPusher.ForHost(http, target.Host)
                .PushListAsync(target.Repository, target.Tag, images, format, cancellationToken);
        }

        var image = await ImageKinds.BuildAsync(
            options.Kind, options.Name, options.Marker, options.Token, cancellationToken);
        return await WriteAsync(image, options, format, cancellationToken);
    }

    private static async Task<string> WriteAsync(
        TestImage image,
        CommandLine options,
        ManifestFormat format,
        CancellationToken cancellationToken)
    {
        if (options.DockerArchive is { } dockerPath)
        {
            await DockerArchiveWriter.WriteAsync(image, dockerPath, cancellationToken);
            return image.Id;
        }

        if (options.OciArchive is { } ociPath)
        {
            await OciArchiveWriter.WriteAsync(image, ociPath, cancellationToken);
            return image.Id;
        }

        var target = PushTarget.Parse(options.Push
            ?? throw new ArgumentException("give --docker-archive, --oci-archive or --push"));
        using var http = new HttpClient();
        return await RegistryPusher.ForHost(http, target.Host)
            .PushAsync(target.Repository, target.Tag, image, format, cancellationToken);
    }
}
