using System.Runtime.InteropServices;
using Modular.Contracts.Checkpoint;
using Modular.Engine.Images.Transports;

namespace Modular.Engine.Containers.Checkpoints;

/// <summary>
/// <c>checkpoint --create-image NAME</c>: the export's content, uncompressed, as the one layer
/// of a new image with Podman's checkpoint annotations, so it can be saved, pushed and given to
/// <c>restore IMAGE</c> like any image.
/// </summary>
public sealed class CheckpointImageWriter(
    IContainerService containers,
    CheckpointArchive archive,
    TarballImporter importer)
{
    public async Task<string> CreateAsync(
        string nameOrId,
        string imageName,
        CheckpointTooling tooling,
        CheckpointExportOptions options,
        CancellationToken cancellationToken)
    {
        var container = await containers.ResolveAsync(nameOrId, cancellationToken);
        var directory = Directory.CreateTempSubdirectory("modpod-checkpoint-image-").FullName;
        try
        {
            var tar = Path.Combine(directory, "checkpoint.tar");
            await archive.ExportAsync(nameOrId, tooling.Layout, options with { Target = tar, Compression = "none" }, cancellationToken);
            var import = new TarballImportOptions([], Reference: imageName, Annotations: Annotations(container, tooling.Probe));
            return await importer.ImportAsync(tar, import, cancellationToken);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Dictionary<string, string> Annotations(ContainerInfo container, CheckpointerProbe probe) => new()
    {
        [CheckpointImageAnnotations.Name] = container.Name,
        [CheckpointImageAnnotations.RawImageName] = container.ImageName,
        [CheckpointImageAnnotations.RootfsImageId] = container.ImageId,
        [CheckpointImageAnnotations.RootfsImageName] = container.ImageName,
        [CheckpointImageAnnotations.PodmanVersion] = Info.ProductVersion.Version,
        [CheckpointImageAnnotations.CriuVersion] = CriuVersionNumber(probe.Version),
        [CheckpointImageAnnotations.RuntimeName] = container.Runtime,
        [CheckpointImageAnnotations.HostArch] = GoArchitecture(),
        [CheckpointImageAnnotations.HostKernel] = Kernel(),
    };

    // Podman writes criu's version as criu's own number: 4.1.1 is 40101.
    private static string CriuVersionNumber(string version)
    {
        var parts = version.Split('.').Select(p => int.TryParse(p, out var n) ? n : 0).Concat([0, 0, 0]).Take(3).ToArray();
        return (parts[0] * 10000 + parts[1] * 100 + parts[2]).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    // Go's GOARCH names, as Podman's host info reports them.
    private static string GoArchitecture() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        var other => other.ToString().ToLowerInvariant(),
    };

    private static string Kernel() =>
        File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : "";
}
