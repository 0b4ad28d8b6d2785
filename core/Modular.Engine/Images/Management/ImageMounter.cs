using CliWrap;
using CliWrap.Buffered;
using Modular.Contracts.Errors;
using Modular.Engine.Configuration;

namespace Modular.Engine.Images.Management;

/// <summary>
/// <c>image mount</c>: the image's file system, read-only, at runroot/image-mounts/ID. The
/// driver mounts the top layer's full view; a read-only bind of it is what the user gets,
/// so nothing written through the path can change the image. Mounted images are the
/// directories there that are mount points, so no record can go stale after a reboot.
/// </summary>
public sealed class ImageMounter(IImageService images, StorageDriverAccess drivers, EngineOptions options)
{
    private string Root => Path.Combine(options.RunRoot, "image-mounts");

    public async Task<ImageMount> MountAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var image = await images.ResolveAsync(nameOrId, cancellationToken);
        var target = Path.Combine(Root, image.Id);
        if (!IsMountPoint(target))
        {
            if (image.TopLayerId.Length == 0)
            {
                throw new InvalidInputException($"image {nameOrId} has no layers to mount");
            }

            var driver = await drivers.GetAsync(cancellationToken);
            var merged = await driver.MountAsync(image.TopLayerId, cancellationToken);
            Directory.CreateDirectory(target);
            await RunAsync(["--bind", merged, target], cancellationToken);
            await RunAsync(["-o", "remount,bind,ro", target], cancellationToken);
        }

        return new ImageMount(image.Id, image.Digest, image.Names, target);
    }

    public async Task<IReadOnlyList<ImageMount>> ListAsync(CancellationToken cancellationToken)
    {
        var mounted = new List<ImageMount>();
        foreach (var directory in Directory.Exists(Root) ? Directory.GetDirectories(Root) : [])
        {
            if (IsMountPoint(directory))
            {
                var image = await images.ResolveAsync(Path.GetFileName(directory), cancellationToken);
                mounted.Add(new ImageMount(image.Id, image.Digest, image.Names, directory));
            }
        }

        return mounted;
    }

    /// <summary>Unmounts; returns false when the image was not mounted.</summary>
    public async Task<(string Id, bool WasMounted)> UnmountAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var image = await images.ResolveAsync(nameOrId, cancellationToken);
        var target = Path.Combine(Root, image.Id);
        if (!IsMountPoint(target))
        {
            return (image.Id, false);
        }

        await RunUmountAsync(target, cancellationToken);
        var driver = await drivers.GetAsync(cancellationToken);
        await driver.UnmountAsync(image.TopLayerId, cancellationToken);
        Directory.Delete(target);
        return (image.Id, true);
    }

    private static bool IsMountPoint(string path)
    {
        if (!Directory.Exists(path))
        {
            return false;
        }

        var full = Path.GetFullPath(path);
        return File.ReadLines("/proc/self/mountinfo")
            .Select(l => l.Split(' '))
            .Any(f => f.Length > 4 && f[4].Replace("\\040", " ", StringComparison.Ordinal) == full);
    }

    private static async Task RunAsync(string[] args, CancellationToken cancellationToken) =>
        await Checked(await Cli.Wrap("mount").WithArguments(args)
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(cancellationToken));

    private static async Task RunUmountAsync(string target, CancellationToken cancellationToken) =>
        await Checked(await Cli.Wrap("umount").WithArguments([target])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(cancellationToken));

    private static Task Checked(BufferedCommandResult result) =>
        result.ExitCode == 0
            ? Task.CompletedTask
            : throw new BackendException($"mount failed: {result.StandardError.Trim()}");
}
