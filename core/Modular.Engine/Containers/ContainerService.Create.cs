using Modular.Contracts.Errors;
using Modular.Engine.Images;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    private const int NameAttempts = 100;

    public async Task<ContainerInfo> CreateAsync(
        CreateContainerRequest request,
        CancellationToken cancellationToken)
    {
        // Podman drops the leading "/" of a Docker-style name ("--name /web" names it web).
        if (request.Name is ['/', _, ..] slashed)
        {
            request = request with { Name = slashed[1..] };
        }

        request = DefaultMounts.Apply(request, _options.DefaultMountsFile);
        ContainerName.Validate(request.Name);
        ContainerDefinition.CheckFlags(request);
        foreach (var (requested, applied) in Spec.ResourceLimits.Lowered(request.Security.Ulimits))
        {
            UlimitLog.Lowered(_logger, requested, applied);
        }

        await EnsureInitializedAsync(cancellationToken);
        var (runtimeId, runtimePath) = await ResolveRuntimeAsync(request.Runtime ?? _options.Runtime, cancellationToken);

        // Resolving the runtime first turns an unknown runtime into an error before anything exists.
        _runtimes.Get(runtimeId).Resolve(ContextFor(runtimeId, runtimePath));
        var image = await ResolveImageAsync(request, cancellationToken);
        (request, var pod) = await JoinPodAsync(request, cancellationToken);
        request = await ResolveNetworkContainerAsync(request, cancellationToken);
        request = await ResolveNamespaceContainersAsync(request, cancellationToken);
        var config = WithPod(
            new ContainerDefinition(request, _options, image, _networks?.DefaultNetworkName)
                .Build(NameGenerator.NewId(), runtimeId) with { RuntimePath = runtimePath },
            pod,
            request);
        config = await RefuseMissingNetworksAsync(config, cancellationToken);
        config = await WithSecretsAsync(config, request, cancellationToken);
        Resources.CgroupPlacement.CheckRuntime(config, _runtimes.Get(runtimeId).Features);
        Resources.RuntimeOptionCheck.Check(config, _runtimes.Get(runtimeId).Features);
        var createdVolumes = new List<string>();
        ContainerRecord record;
        try
        {
            config = config with
            {
                Mounts = await ResolveMountsAsync(request, image, createdVolumes, cancellationToken),
            };
            record = await InsertWithNameAsync(config, request.Name is null, cancellationToken);
        }
        catch
        {
            await RemoveUnusedVolumesAsync(createdVolumes, CancellationToken.None);
            throw;
        }

        try
        {
            await PrepareStorageAsync(record.Config, cancellationToken);
        }
        catch
        {
            await _store.DeleteAsync(record.Config.Id, CancellationToken.None);
            await RemoveUnusedVolumesAsync(createdVolumes, CancellationToken.None);
            throw;
        }

        await EmitAsync(record.Config, "create", cancellationToken);
        return ToInfo(record);
    }

    private async Task<LocalImage?> ResolveImageAsync(
        CreateContainerRequest request,
        CancellationToken cancellationToken)
    {
        if (request.Rootfs is not null)
        {
            return Directory.Exists(ContainerDefinition.RootfsDirectory(request.Rootfs))
                ? null
                : throw new InvalidInputException($"rootfs {request.Rootfs} is not a directory");
        }

        if (string.IsNullOrEmpty(request.Image))
        {
            throw new InvalidInputException("an image or --rootfs is required");
        }

        var images = _images ?? throw new CapabilityMissingException("no image service is configured");
        if (request.Pull == PullPolicyMode.Always)
        {
            return await images.PullAsync(request.Image, new PullOptions(request.TlsVerify, Progress: request.PullProgress), cancellationToken);
        }

        try
        {
            return await images.ResolveAsync(request.Image, cancellationToken);
        }
        catch (NotFoundException) when (request.Pull != PullPolicyMode.Never)
        {
            return await images.PullAsync(request.Image, new PullOptions(request.TlsVerify, Progress: request.PullProgress), cancellationToken);
        }
    }

    // A generated name that races another process's draws again; a chosen name fails at once.
    private async Task<ContainerRecord> InsertWithNameAsync(
        ContainerConfig config,
        bool generated,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var record = new ContainerRecord(config, new ContainerRuntimeState());
            try
            {
                await _store.InsertAsync(record, cancellationToken);
                return record;
            }
            catch (AlreadyExistsException) when (generated && attempt < NameAttempts)
            {
                config = config with { Name = NameGenerator.Next() };
            }
        }
    }

    // The container's read-write layer is created now so `create` fails early on storage errors.
    private async Task PrepareStorageAsync(
        ContainerConfig config,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(PathsFor(config.Id).StaticDirectory);
        if (config.LayerId is null)
        {
            return;
        }

        var layers = _layers ?? throw new CapabilityMissingException("no layer store is configured");
        try
        {
            await layers.CreateContainerLayerAsync(config.LayerId, config.ParentLayerId, cancellationToken);
        }
        catch
        {
            Directory.Delete(PathsFor(config.Id).StaticDirectory, recursive: true);
            throw;
        }
    }
}
