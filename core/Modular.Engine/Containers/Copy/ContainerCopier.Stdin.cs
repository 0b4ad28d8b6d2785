using System.Formats.Tar;
using System.IO.Compression;
using Modular.Contracts.Errors;

namespace Modular.Engine.Containers.Copy;

public sealed partial class ContainerCopier
{
    /// <summary>
    /// <c>cp - CONTAINER:DIR</c>: stdin is spooled to a temp file first, as Podman does, so a
    /// stream that is not a (gzip) tar is refused before anything is written.
    /// </summary>
    private static async Task FromStdinAsync(
        CopyRequest request,
        Stream stdin,
        CopyEndpoint destination,
        CancellationToken cancellationToken)
    {
        var target = ResolveDestination(destination, destination.Path, isStdin: true);
        if (!target.IsDirectory)
        {
            throw new InvalidInputException("destination must be a directory when copying from stdin");
        }

        var spool = Path.Combine(Path.GetTempPath(), $"modpod-cp-{Guid.NewGuid():N}");
        try
        {
            await using var file = new FileStream(
                spool, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            await stdin.CopyToAsync(file, cancellationToken);
            await using var tar = await OpenTarAsync(file, cancellationToken);
            var options = new ExtractOptions(
                Owner: destination.IsHost || request.Chown ? destination.Owner : null,
                Overwrite: request.Overwrite,
                IgnoreDevices: destination.IsHost,
            Busy: destination.BoundFiles?.Keys.ToList());
            var extractor = new TarExtractor(destination.Root, target.Directory, options);
            try
            {
                await extractor.ExtractAsync(tar, cancellationToken);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or FormatException)
            {
                throw new InvalidInputException($"copying to container: {e.Message}", e);
            }
        }
        finally
        {
            File.Delete(spool);
        }
    }

    private static async Task<Stream> OpenTarAsync(FileStream file, CancellationToken cancellationToken)
    {
        var magic = new byte[2];
        file.Position = 0;
        var gzip = await file.ReadAsync(magic, cancellationToken) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        if (!await IsTarAsync(file, gzip, cancellationToken))
        {
            throw new InvalidInputException("source must be a (compressed) tar archive when copying from stdin");
        }

        file.Position = 0;
        return gzip ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : file;
    }

    private static async Task<bool> IsTarAsync(FileStream file, bool gzip, CancellationToken cancellationToken)
    {
        file.Position = 0;
        Stream stream = gzip ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : file;
        try
        {
            await using var reader = new TarReader(stream, leaveOpen: true);
            return await reader.GetNextEntryAsync(copyData: false, cancellationToken) is not null;
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            return false;
        }
        finally
        {
            if (gzip)
            {
                await stream.DisposeAsync();
            }
        }
    }
}
