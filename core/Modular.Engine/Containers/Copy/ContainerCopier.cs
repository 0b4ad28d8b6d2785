using System.IO.Pipelines;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Images;

namespace Modular.Engine.Containers.Copy;

/// <summary>
/// <c>cp</c>: files between a container and the host, two containers, or a tar stream, with
/// Podman's rules for trailing "/" and "/.", missing destinations and directory/file clashes.
/// A container's root is its mounted layer (mounted for the copy when it is not running);
/// every path inside it is resolved by the kernel as if that root were "/".
/// </summary>
/// <remarks>
/// What the kernel guarantees and what it does not: every open, create, link and unlink
/// resolves inside the root (openat2 RESOLVE_IN_ROOT, or *at calls on a descriptor opened
/// that way, with O_NOFOLLOW on the last name), so no symlink, whether in the image, made
/// by an earlier tar entry or swapped in by a running container, leads cp out of the root.
/// A running container can still race cp inside its own root: the source and destination
/// are resolved to in-root paths first and opened again afterwards, so a swap in between
/// picks another file of the same container, never one of the host.
///
/// A path below a volume or a bind-mounted directory is copied in that directory on the host
/// (see <see cref="CopyMounts"/>). In a running container the files Modular binds over /etc
/// (hosts, resolv.conf, hostname) and /run/.containerenv are read from the bound file and
/// refused as a destination. Limitation: tmpfs mounts and user-bound single files live only
/// in the running container's mount namespace; cp reads and writes the layer underneath them.
/// </remarks>
public sealed partial class ContainerCopier(IContainerService containers, ILayerStore layers)
    : IContainerCopier
{
    public async Task CopyAsync(
        CopyRequest request,
        Func<Stream> stdin,
        Func<Stream> stdout,
        CancellationToken cancellationToken)
    {
        var (sourceContainer, sourcePath, destinationContainer, destinationPath) = Split(request);
        await using var mounts = new CopyMounts(containers, layers);
        var source = await mounts.EndpointAsync(sourceContainer, sourcePath, reading: true, cancellationToken);
        var destination = await mounts.EndpointAsync(destinationContainer, destinationPath, reading: false, cancellationToken);
        if (source.IsHost && sourcePath == "-")
        {
            await FromStdinAsync(request, stdin(), destination, cancellationToken);
            return;
        }

        var from = ResolveSource(source, sourcePath);
        if (destination.IsHost && destinationPath == "-")
        {
            await ToStdoutAsync(source, from, stdout(), cancellationToken);
            return;
        }

        await CopyTreeAsync(request, source, from, destination, destinationPath, cancellationToken);
    }

    /// <summary>Both sides of a copy as typed, checked as Podman checks them before any lookup.</summary>
    /// <exception cref="InvalidInputException">A path is empty, or neither side is a container.</exception>
    public static (string? SourceContainer, string SourcePath, string? DestinationContainer, string DestinationPath)
        Split(CopyRequest request)
    {
        var (sourceContainer, sourcePath) = Parse(request.Source);
        var (destinationContainer, destinationPath) = Parse(request.Destination);
        if (sourcePath.Length == 0 || destinationPath.Length == 0)
        {
            throw new InvalidInputException(
                $"invalid arguments \"{request.Source}\", \"{request.Destination}\": you must specify paths");
        }

        if (sourceContainer is null && destinationContainer is null)
        {
            // Podman looks up the empty container name of a host-to-host copy and says so.
            throw new InvalidInputException("name or ID cannot be empty");
        }

        return (sourceContainer, sourcePath, destinationContainer, destinationPath);
    }

    /// <summary>"[CONTAINER:]PATH"; a path starting with "." or "/" never names a container.</summary>
    private static (string? Container, string Path) Parse(string input)
    {
        var cut = input.IndexOf(':');
        if (input.Length == 0 || input[0] is '.' or '/' || cut < 0)
        {
            return (null, input);
        }

        return (input[..cut], input[(cut + 1)..]);
    }

    private async Task CopyTreeAsync(
        CopyRequest request,
        CopyEndpoint source,
        ResolvedSource from,
        CopyEndpoint destination,
        string typedDestination,
        CancellationToken cancellationToken)
    {
        var target = ResolveDestination(destination, typedDestination, isStdin: false);
        var topName = TopName(from, target, SourceName(source, from));
        RefuseBoundFile(destination, target, topName);
        var options = new ExtractOptions(
            Owner: destination.IsHost || request.Chown ? destination.Owner : null,
            Overwrite: request.Overwrite,
            IgnoreDevices: destination.IsHost,
            Busy: destination.BoundFiles?.Keys.ToList());
        var extractor = new TarExtractor(destination.Root, target.Directory, options);
        try
        {
            await PipeAsync(
                output => WriteTarAsync(source, from.Path, topName, output, cancellationToken),
                input => extractor.ExtractAsync(input, cancellationToken));
        }
        catch (IOException e)
        {
            var side = destination.IsHost ? "host" : "container";
            throw new InvalidInputException($"copying to {side}: {e.Message}", e);
        }
    }

    private static async Task ToStdoutAsync(
        CopyEndpoint source,
        ResolvedSource from,
        Stream stdout,
        CancellationToken cancellationToken)
    {
        var topName = from.ContentsOnly ? null : SourceName(source, from);
        await WriteTarAsync(source, from.Path, topName, stdout, cancellationToken);
        await stdout.FlushAsync(cancellationToken);
    }

    private static async Task WriteTarAsync(
        CopyEndpoint source,
        string path,
        string? topName,
        Stream output,
        CancellationToken cancellationToken)
    {
        await using var writer = new System.Formats.Tar.TarWriter(
            output,
            System.Formats.Tar.TarEntryFormat.Pax,
            leaveOpen: true);
        await new TreeTarWriter(writer).WriteAsync(source.Root, path, topName, cancellationToken);
    }

    /// <summary>Runs a tar producer and a consumer together through an in-memory pipe.</summary>
    private static async Task PipeAsync(Func<Stream, Task> produce, Func<Stream, Task> consume)
    {
        var pipe = new Pipe();
        var producer = Task.Run(async () =>
        {
            try
            {
                await using var stream = pipe.Writer.AsStream(leaveOpen: true);
                await produce(stream);
                await pipe.Writer.CompleteAsync();
            }
            catch (Exception e)
            {
                await pipe.Writer.CompleteAsync(e);
                throw;
            }
        });
        var consumer = Task.Run(async () =>
        {
            try
            {
                await using var stream = pipe.Reader.AsStream(leaveOpen: true);
                await consume(stream);
                await pipe.Reader.CompleteAsync();
            }
            catch (Exception e)
            {
                await pipe.Reader.CompleteAsync(e);
                throw;
            }
        });
        await Task.WhenAll(producer, consumer);
    }

    /// <summary>
    /// The name the copied tree's top entry takes in the destination, or null when only a
    /// directory's contents land there ("SRC/." into an existing directory).
    /// </summary>
    /// <exception cref="InvalidInputException">A directory onto a file.</exception>
    public static string? TopName(ResolvedSource from, CopyTarget target, string sourceName)
    {
        if (from.IsDirectory && !target.IsDirectory)
        {
            throw new InvalidInputException("destination must be a directory when copying a directory");
        }

        if (from.ContentsOnly && !target.ResolvedToParent)
        {
            return null;
        }

        return (!from.IsDirectory && !target.IsDirectory) || target.ResolvedToParent
            ? target.BaseName
            : sourceName;
    }

    /// <summary>The source's own name; a volume's root is named after where it is mounted.</summary>
    private static string SourceName(CopyEndpoint source, ResolvedSource from) =>
        from.Path == "/" && source.RootName is { Length: > 0 } name ? name : BaseName(from.Path);

    private static string BaseName(string path) =>
        RootDirectory.Relative(path) is { Length: > 0 } r ? r[(r.LastIndexOf('/') + 1)..] : "/";

    internal static string? WorkingDir(JsonObject inspect) =>
        inspect["Config"]?["WorkingDir"]?.GetValue<string>();
}
