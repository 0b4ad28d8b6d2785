using System.Text.Json;
using Modular.Contracts.Errors;
using Modular.Engine.Containers.Checkpoints;
using Modular.Engine.Containers.Copy;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    public async Task<ContainerInfo> ImportAsync(
        string extractedArchive,
        ImportOverrides overrides,
        CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        var provider = _checkpointers
            ?? throw new CapabilityMissingException("no checkpointer plugin is configured");
        var (checkpointer, probe) = await provider.GetAsync(cancellationToken);
        var layout = checkpointer.Layout;
        // Podman's memory tracking check: a pre-checkpoint needs criu's pre-dump.
        CheckpointCapabilityCheck.Require(probe.Capabilities, overrides.PreviousArchive is not null, false);
        var archived = await ReadArchivedConfigAsync(Path.Combine(extractedArchive, layout.ConfigDump), cancellationToken);
        if (overrides.Name is not null)
        {
            ContainerName.Validate(overrides.Name);
        }

        var config = await RebaseImportedConfigAsync(archived, overrides, cancellationToken);
        config = await RebaseIntoPodAsync(config, overrides.Pod, cancellationToken);
        var createdVolumes = new List<string>();
        config = config with
        {
            Mounts = await ImportVolumesAsync(config, extractedArchive, overrides.IgnoreVolumes, createdVolumes, cancellationToken),
        };
        ContainerRecord record;
        try
        {
            record = await InsertWithNameAsync(config, generated: false, cancellationToken);
        }
        catch
        {
            await RemoveImportedVolumesAsync(createdVolumes, CancellationToken.None);
            throw;
        }

        try
        {
            await PrepareStorageAsync(config, cancellationToken);
            var staticDirectory = PathsFor(config.Id).StaticDirectory;
            CopyTree(Path.Combine(extractedArchive, layout.ImagesDirectory), Path.Combine(staticDirectory, layout.ImagesDirectory));
            var files = new[]
            {
                layout.ConfigDump, layout.SpecDump, layout.NetworkStatus, layout.StatsDump, CheckpointArchiveNames.DevShmArchive,
            };
            foreach (var name in files)
            {
                CopyIfPresent(Path.Combine(extractedArchive, name), Path.Combine(staticDirectory, name));
            }

            if (overrides.PreviousArchive is { } previous)
            {
                await ImportPreviousAsync(previous, staticDirectory, layout, cancellationToken);
            }

            if (!overrides.IgnoreRootfs)
            {
                await ApplyRootfsDiffAsync(config, extractedArchive, layout, cancellationToken);
            }
        }
        catch
        {
            // Its own timeout: a failed import must not leave a half-made container behind.
            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await RemoveLockedAsync(config, cleanup.Token);
            await RemoveImportedVolumesAsync(createdVolumes, cleanup.Token);
            throw;
        }

        var state = record.State with
        {
            Status = ContainerStatus.Exited,
            ExitCode = 0,
            Checkpoint = new CheckpointState(
                true,
                Path.Combine(PathsFor(config.Id).StaticDirectory, layout.ImagesDirectory),
                "",
                DateTimeOffset.UtcNow),
        };
        await _store.UpdateStateAsync(config.Id, state, cancellationToken);
        await EmitAsync(config, "create", cancellationToken);
        return ToInfo(record with { State = state });
    }

    private static async Task<ContainerConfig> ReadArchivedConfigAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<ContainerConfig>(stream, StoreJsonContext.WebOptions(), cancellationToken)
                ?? throw new InvalidInputException($"failed to read \"{Path.GetFileName(path)}\": empty");
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(
                $"failed to read \"{Path.GetFileName(path)}\" of the checkpoint archive: {ex.Message}", ex);
        }
    }

    // The archived id unless --name renames it (Podman keeps both, or makes a new id for the
    // new name), a layer and cgroup in this store; the image must be here already.
    private async Task<ContainerConfig> RebaseImportedConfigAsync(
        ContainerConfig archived,
        ImportOverrides overrides,
        CancellationToken cancellationToken)
    {
        string? parentLayer = null;
        if (archived.LayerId is not null)
        {
            var images = _images ?? throw new CapabilityMissingException("no image service is configured");
            try
            {
                parentLayer = (await images.ResolveAsync(archived.ImageId, cancellationToken)).TopLayerId;
            }
            catch (NotFoundException ex)
            {
                throw new NotFoundException(
                    $"image {archived.ImageName} of the checkpoint is not in this store: load it first", ex);
            }
        }

        var id = overrides.Name is null && archived.Id.Length > 0 ? archived.Id : NameGenerator.NewId();
        return archived with
        {
            Id = id,
            Name = overrides.Name ?? archived.Name,
            Created = DateTimeOffset.UtcNow,
            LayerId = archived.LayerId is null ? null : id,
            ParentLayerId = parentLayer,
            CgroupsPath = Resources.CgroupPlacement.PathFor(_options.CgroupManager, id, archived.Resources),
            AutoRemove = false,
            // A host port of 0 draws a free port, as at create.
            PortMappings = overrides.Publish is { } publish
                ? Networking.PublishedPorts.Complete(publish, false, [])
                : archived.PortMappings,
            Networks = archived.Networks.ToDictionary(
                pair => pair.Key,
                pair => pair.Value with
                {
                    StaticIps = overrides.IgnoreStaticIp ? [] : pair.Value.StaticIps,
                    StaticMac = overrides.IgnoreStaticMac ? null : pair.Value.StaticMac,
                }),
        };
    }

    /// <summary>
    /// rootfs-diff.tar lands in the new layer through the in-root extractor (symlinks in the
    /// archive never lead a write out of the layer); deleted.files are removed the same way.
    /// </summary>
    private async Task ApplyRootfsDiffAsync(
        ContainerConfig config,
        string extractedArchive,
        Contracts.Checkpoint.CheckpointLayout layout,
        CancellationToken cancellationToken)
    {
        var diff = Path.Combine(extractedArchive, layout.RootfsDiff);
        var deleted = Path.Combine(extractedArchive, layout.DeletedFiles);
        if (config.LayerId is null || (!File.Exists(diff) && !File.Exists(deleted)))
        {
            return;
        }

        var layers = _layers ?? throw new CapabilityMissingException("no layer store is configured");
        var mountPoint = await layers.MountAsync(config.LayerId, cancellationToken);
        try
        {
            using var root = RootDirectory.Open(mountPoint);
            if (File.Exists(diff))
            {
                await using var tar = File.OpenRead(diff);
                var extractor = new TarExtractor(root, "/", new ExtractOptions(null, Overwrite: true, IgnoreDevices: false));
                await extractor.ExtractAsync(tar, cancellationToken);
            }

            if (File.Exists(deleted))
            {
                await RemoveDeletedFilesAsync(root, deleted, cancellationToken);
            }
        }
        finally
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await layers.UnmountAsync(config.LayerId, timeout.Token);
        }
    }

    private static async Task RemoveDeletedFilesAsync(RootDirectory root, string list, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(list);
        var paths = await JsonSerializer.DeserializeAsync<List<string>>(stream, cancellationToken: cancellationToken) ?? [];
        foreach (var path in paths.Where(p => root.Stat(p, followLast: false) is not null))
        {
            var (parent, name) = root.OpenParent(path, Syscalls.OpenPath);
            using (parent)
            {
                TreeRemover.Remove(parent, name);
            }
        }
    }

    private static void CopyTree(string source, string destination)
    {
        if (!Directory.Exists(source))
        {
            throw new InvalidInputException("the checkpoint archive holds no checkpoint images");
        }

        Directory.CreateDirectory(destination);
        // Regular files only: a symlink in an archive must not make us copy a host file.
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Where(f => File.ResolveLinkTarget(f, false) is null))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    // The pre-dump's images go beside the checkpoint's, which name them as their parent
    // (relative, as Podman relinks it for criu).
    private static async Task ImportPreviousAsync(
        string archive,
        string staticDirectory,
        Contracts.Checkpoint.CheckpointLayout layout,
        CancellationToken cancellationToken)
    {
        var extracted = await CheckpointArchive.ExtractAsync(archive, cancellationToken);
        try
        {
            CopyTree(Path.Combine(extracted, layout.PreDumpDirectory), Path.Combine(staticDirectory, layout.PreDumpDirectory));
            var parent = Path.Combine(staticDirectory, layout.ImagesDirectory, "parent");
            DeleteFile(parent);
            File.CreateSymbolicLink(parent, Path.Combine("..", layout.PreDumpDirectory));
        }
        finally
        {
            Directory.Delete(extracted, recursive: true);
        }
    }

    private static void CopyIfPresent(string source, string destination)
    {
        if (File.Exists(source))
        {
            File.Copy(source, destination, overwrite: true);
        }
    }
}
