using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Modular.Contracts.Checkpoint;
using Modular.Contracts.Errors;
using Modular.Engine.Containers.Copy;
using Modular.Engine.Containers.Diff;
using Modular.Engine.Images;
using Modular.Engine.Volumes;

namespace Modular.Engine.Containers.Checkpoints;

/// <summary>
/// The exported checkpoint archive (<c>checkpoint --export</c>, <c>restore --import</c>): the
/// images, the container's configuration and spec, its network status and its file system
/// changes (<c>rootfs-diff.tar</c> plus <c>deleted.files</c>), named as the checkpointer's layout says.
/// </summary>
public sealed class CheckpointArchive(
    IContainerService containers,
    IContainerCheckpoints checkpoints,
    LayerChanges changes,
    ILayerStore layers)
{
    /// <summary>Writes the archive of the container's last checkpoint to <paramref name="target"/>.</summary>
    public async Task ExportAsync(
        string nameOrId,
        CheckpointLayout layout,
        CheckpointExportOptions options,
        CancellationToken cancellationToken)
    {
        var directory = await checkpoints.CheckpointDirectoryAsync(nameOrId, cancellationToken);
        var made = new List<string>();
        var volumes = Path.Combine(directory, CheckpointArchiveNames.VolumesDirectory);
        try
        {
            if (!options.IgnoreRootfs)
            {
                made.AddRange(await WriteRootfsDiffAsync(nameOrId, directory, layout, cancellationToken));
            }

            if (!options.IgnoreVolumes)
            {
                await WriteVolumesAsync(nameOrId, directory, cancellationToken);
            }

            await WriteArchiveAsync(directory, layout, options, cancellationToken);
        }
        finally
        {
            // As Podman: the diff files and volume tars exist only inside the archive.
            made.ForEach(File.Delete);
            if (Directory.Exists(volumes))
            {
                Directory.Delete(volumes, recursive: true);
            }
        }
    }

    /// <summary>volumes/NAME.tar for each named volume, as Podman's export holds them.</summary>
    private async Task WriteVolumesAsync(string nameOrId, string directory, CancellationToken cancellationToken)
    {
        var volumes = await checkpoints.CheckpointVolumesAsync(nameOrId, cancellationToken);
        if (volumes.Count == 0)
        {
            return;
        }

        Directory.CreateDirectory(Path.Combine(directory, CheckpointArchiveNames.VolumesDirectory));
        foreach (var volume in volumes)
        {
            var target = Path.Combine(directory, CheckpointArchiveNames.VolumeArchive(volume.Name));
            await using var file = new FileStream(target, FileMode.Create, FileAccess.Write);
            await VolumeCommands.ExportAsync(volume.DataDirectory, file, cancellationToken);
        }
    }

    /// <summary>Unpacks an archive into a new temporary directory, which the caller deletes.</summary>
    public static async Task<string> ExtractAsync(string archive, CancellationToken cancellationToken)
    {
        FileStream file;
        try
        {
            file = File.OpenRead(archive);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Go's wording, as Podman prints it.
            var reason = ex is FileNotFoundException or DirectoryNotFoundException
                ? "no such file or directory"
                : ex.Message;
            throw new InvalidInputException(
                $"failed to open checkpoint archive {archive} for import: open {archive}: {reason}", ex);
        }

        var directory = Directory.CreateTempSubdirectory("modpod-checkpoint-").FullName;
        try
        {
            await using (file)
            await using (var stream = await ArchiveCompression.OpenReadAsync(file, cancellationToken))
            {
                using var root = RootDirectory.Open(directory);
                var extractor = new TarExtractor(root, "/", new ExtractOptions(null, Overwrite: true, IgnoreDevices: true));
                await extractor.ExtractAsync(stream, cancellationToken);
            }

            return directory;
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException
            or CopyIOException)
        {
            Directory.Delete(directory, recursive: true);
            throw new InvalidInputException($"unpacking of checkpoint archive {archive} failed: {ex.Message}", ex);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    private static async Task WriteArchiveAsync(
        string directory,
        CheckpointLayout layout,
        CheckpointExportOptions options,
        CancellationToken cancellationToken)
    {
        var temporary = $"{options.Target}.{Environment.ProcessId}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                await using var stream = ArchiveCompression.OpenWrite(file, options.Compression);
                await using var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true);
                string[] data = [CheckpointArchiveNames.DevShmArchive, CheckpointArchiveNames.VolumesDirectory];
                foreach (var entry in layout.ArchiveEntries.Concat(data))
                {
                    await AddAsync(writer, directory, entry, cancellationToken);
                }
            }

            File.Move(temporary, options.Target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    // Only files the engine and criu wrote in the container's own static directory.
    private static async Task AddAsync(TarWriter writer, string directory, string entry, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, entry);
        if (File.Exists(path))
        {
            await writer.WriteEntryAsync(path, entry, cancellationToken);
            return;
        }

        if (!Directory.Exists(path))
        {
            return;
        }

        await writer.WriteEntryAsync(path, entry, cancellationToken);
        foreach (var file in Directory.EnumerateFileSystemEntries(path, "*", SearchOption.AllDirectories).Order())
        {
            var name = Path.Combine(entry, Path.GetRelativePath(path, file));
            await writer.WriteEntryAsync(file, name, cancellationToken);
        }
    }

    /// <summary>rootfs-diff.tar (what the container added or changed) and deleted.files.</summary>
    private async Task<IReadOnlyList<string>> WriteRootfsDiffAsync(
        string nameOrId,
        string directory,
        CheckpointLayout layout,
        CancellationToken cancellationToken)
    {
        var container = await containers.ResolveAsync(nameOrId, cancellationToken);
        var all = await changes.ForAsync(container.Id, cancellationToken);
        var diff = Path.Combine(directory, layout.RootfsDiff);
        var deleted = Path.Combine(directory, layout.DeletedFiles);
        var root = await layers.MountAsync(container.Id, cancellationToken);
        try
        {
            await RootfsDiffWriter.WriteAsync(root, all, diff, cancellationToken);
        }
        finally
        {
            if (container.State is not ("running" or "paused"))
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await layers.UnmountAsync(container.Id, timeout.Token);
            }
        }

        var removed = all.Where(c => c.Kind == 'D').Select(c => c.Path).ToList();
        await File.WriteAllTextAsync(deleted, JsonSerializer.Serialize(removed), cancellationToken);
        return [diff, deleted];
    }
}
