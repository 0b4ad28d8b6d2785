using System.Formats.Tar;
using Modular.Engine.Files;
using Modular.Engine.Images.Transports;

namespace Modular.Remote.Services;

/// <summary>
/// <c>save</c> over GET /libpod/images/export: the service writes the archive, the client
/// stores it at the path given (a directory format arrives as a tar and is unpacked there).
/// Loading a directory and pushing to a file transport stay local-only for now.
/// </summary>
public sealed class RemoteImageTransports(LibpodClient libpod) : IImageTransports
{
    public Task ExportAsync(
        string imageNameOrId,
        TransportReference destination,
        ExportOptions options,
        CancellationToken cancellationToken) =>
        ExportManyAsync([imageNameOrId, .. options.AdditionalNames ?? []], destination, options, cancellationToken);

    public async Task ExportManyAsync(
        IReadOnlyList<string> imageNamesOrIds,
        TransportReference destination,
        ExportOptions options,
        CancellationToken cancellationToken)
    {
        var query = new QueryText("libpod/images/export")
            .AddAll("references", imageNamesOrIds)
            .Add("format", Format(destination.Kind))
            .Add("compress", options.Compression == LayerCompression.Gzip);
        using var response = await libpod.GetAsync(query.ToString(), cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        if (destination.Kind is TransportKind.OciLayout or TransportKind.Directory)
        {
            Directory.CreateDirectory(destination.Path);
            await TarFile.ExtractToDirectoryAsync(body, destination.Path, overwriteFiles: true, cancellationToken);
            return;
        }

        // After the service found the images, before any byte is written: the local
        // order, and the local words for a path that cannot be created.
        OutputFile.EnsureCreatable(destination.Path, $"opening file \"{destination.Path}\"");
        await WriteFileAsync(body, destination.Path, cancellationToken);
    }

    public Task<IReadOnlyList<string>> ImportAsync(
        TransportReference source,
        ImportOptions options,
        CancellationToken cancellationToken) =>
        throw RemoteServiceProvider.Unsupported();

    private static async Task WriteFileAsync(Stream body, string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
            await body.CopyToAsync(file, cancellationToken);
        }
        catch
        {
            // A failed save leaves no partial archive behind, as locally.
            File.Delete(path);
            throw;
        }
    }

    private static string Format(TransportKind kind) => kind switch
    {
        TransportKind.OciArchive => "oci-archive",
        TransportKind.OciLayout => "oci-dir",
        TransportKind.Directory => "docker-dir",
        _ => "docker-archive",
    };
}
