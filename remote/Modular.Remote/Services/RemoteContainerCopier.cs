using Modular.Contracts.Errors;
using Modular.Engine.Containers.Copy;

namespace Modular.Remote.Services;

/// <summary>
/// <c>cp</c> through the service, as podman-remote does it: the container's side goes over the
/// archive routes, the host's side (reading a source, extracting into a destination) runs here
/// with the local copier's own rules, so names, errors and results match a local copy.
/// </summary>
public sealed class RemoteContainerCopier(LibpodClient libpod) : IContainerCopier
{
    private readonly RemoteArchive _archive = new(libpod);

    public async Task CopyAsync(
        CopyRequest request,
        Func<Stream> stdin,
        Func<Stream> stdout,
        CancellationToken cancellationToken)
    {
        var (sourceContainer, sourcePath, destinationContainer, destinationPath) = ContainerCopier.Split(request);
        if (sourceContainer is null)
        {
            await FromHostAsync(request, sourcePath, stdin, destinationContainer!, destinationPath, cancellationToken);
            return;
        }

        if (destinationContainer is null && destinationPath == "-")
        {
            var (response, _) = await _archive.GetAsync(sourceContainer, sourcePath, cancellationToken);
            using (response)
            {
                var output = stdout();
                await response.Content.CopyToAsync(output, cancellationToken);
                await output.FlushAsync(cancellationToken);
            }

            return;
        }

        var source = await OpenSourceAsync(sourceContainer, sourcePath, cancellationToken);
        using (source.Response)
        {
            await ToDestinationAsync(request, source, destinationContainer, destinationPath, cancellationToken);
        }
    }

    private async Task FromHostAsync(
        CopyRequest request,
        string sourcePath,
        Func<Stream> stdin,
        string container,
        string destinationPath,
        CancellationToken cancellationToken)
    {
        await using var spool = Spool();
        if (sourcePath == "-")
        {
            // The service checks that it is a tar and that the destination is a directory.
            await stdin().CopyToAsync(spool, cancellationToken);
            spool.Position = 0;
            await _archive.PutAsync(container, destinationPath, spool, request, cancellationToken);
            return;
        }

        await _archive.EnsureContainerAsync(container, cancellationToken);
        var from = ContainerCopier.ResolveHostSource(sourcePath);
        var target = await ResolveDestinationAsync(container, destinationPath, cancellationToken);
        var topName = ContainerCopier.TopName(from, target, ContainerCopier.NameOf(from.Path));
        await ContainerCopier.WriteHostTarAsync(from, topName, spool, cancellationToken);
        spool.Position = 0;
        await _archive.PutAsync(container, target.Directory, spool, request, cancellationToken);
    }

    private async Task ToDestinationAsync(
        CopyRequest request,
        RemoteSource source,
        string? container,
        string destinationPath,
        CancellationToken cancellationToken)
    {
        if (container is not null)
        {
            await _archive.EnsureContainerAsync(container, cancellationToken);
        }

        var target = container is null
            ? ContainerCopier.ResolveHostDestination(destinationPath)
            : await ResolveDestinationAsync(container, destinationPath, cancellationToken);

        // The tar's top entry keeps the name the service gave it unless the rules rename it.
        const string keep = "\0";
        var topName = ContainerCopier.TopName(source.From, target, keep);
        var response = source.Response;
        if (source.From.ContentsOnly && topName is not null)
        {
            // "DIR/." onto a new name copies DIR itself: ask for it with its top entry.
            response = (await _archive.GetAsync(source.Container, source.Path[..^2], cancellationToken)).Response;
        }

        using (response == source.Response ? null : response)
        {
            var tar = await response.Content.ReadAsStreamAsync(cancellationToken);
            var rename = topName == keep ? null : topName;
            if (container is null)
            {
                await ContainerCopier.ExtractToHostAsync(tar, target, rename, request.Overwrite, cancellationToken);
                return;
            }

            await using var spool = Spool();
            await (rename is null ? tar.CopyToAsync(spool, cancellationToken)
                : ContainerCopier.RenameTopAsync(tar, rename, spool, cancellationToken));
            spool.Position = 0;
            await _archive.PutAsync(container, target.Directory, spool, request, cancellationToken);
        }
    }

    private async Task<RemoteSource> OpenSourceAsync(
        string container,
        string path,
        CancellationToken cancellationToken)
    {
        var (response, stat) = await _archive.GetAsync(container, path, cancellationToken);
        var isDirectory = stat.IsDirectory;
        if (stat.IsSymlink && stat.LinkTarget.Length > 0)
        {
            isDirectory = (await _archive.StatAsync(container, stat.LinkTarget, cancellationToken))?.IsDirectory ?? false;
        }

        var contentsOnly = isDirectory && (path.EndsWith("/.", StringComparison.Ordinal) || path == ".");
        var resolved = stat.IsSymlink && stat.LinkTarget.Length > 0 ? stat.LinkTarget : path;
        return new RemoteSource(container, path, new ResolvedSource(resolved, isDirectory, contentsOnly), response);
    }

    private Task<CopyTarget> ResolveDestinationAsync(
        string container,
        string typed,
        CancellationToken cancellationToken) =>
        new RemoteDestination(_archive, container).ResolveAsync(typed, cancellationToken);

    private static FileStream Spool() =>
        new(
            Path.Combine(Path.GetTempPath(), $"modpod-remote-cp-{Guid.NewGuid():N}"),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            81920,
            FileOptions.DeleteOnClose);

    private sealed record RemoteSource(string Container, string Path, ResolvedSource From, HttpResponseMessage Response);
}
