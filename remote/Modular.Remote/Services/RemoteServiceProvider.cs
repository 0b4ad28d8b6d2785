using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Events;
using Modular.Engine.Images;
using Modular.Engine.Info;
using Modular.Engine.Manifests;
using Modular.Engine.Kube;
using Modular.Engine.Networks;
using Modular.Engine.Maintenance;
using Modular.Engine.Pods;
using Modular.Engine.Secrets;
using Modular.Engine.Volumes;
using Modular.Remote.Transport;

namespace Modular.Remote.Services;

/// <summary>
/// The engine services a remote modpod offers its commands. A command that asks for any
/// other service is one the remote client cannot run yet: it ends with one Error line and
/// exit 125 instead of acting on the local store.
/// </summary>
public sealed class RemoteServiceProvider : IServiceProvider, ISupportRequiredService, IAsyncDisposable
{
    private readonly RemoteTransport _transport;
    private readonly Dictionary<Type, object> _services;

    public RemoteServiceProvider(RemoteEndpoint endpoint)
    {
        _transport = RemoteTransport.Open(endpoint);
        var libpod = new LibpodClient(_transport);
        var containers = new RemoteContainerService(libpod);
        var attach = new RemoteContainerAttach(libpod, containers);
        var images = new RemoteImageService(libpod);
        var pods = new RemotePodService(libpod);
        var manifests = new RemoteManifestListService(libpod);
        var checkpointRunner = new RemoteCheckpointRunner(libpod, containers);
        _services = new Dictionary<Type, object>
        {
            [typeof(IContainerService)] = containers,
            [typeof(IContainerAttach)] = attach,
            [typeof(IContainerHealth)] = new RemoteContainerHealth(attach, libpod),
            [typeof(IContainerControl)] = new RemoteContainerControl(libpod, containers),
            [typeof(IContainerResources)] = new RemoteContainerResources(libpod, containers),
            [typeof(IContainerSizes)] = new RemoteContainerSizes(libpod),
            [typeof(IImageService)] = images,
            [typeof(IInfoProvider)] = new RemoteInfoProvider(libpod),
            [typeof(IVolumeService)] = new RemoteVolumeService(libpod),
            [typeof(INetworkService)] = new RemoteNetworkService(libpod),
            [typeof(INetworkContainers)] = new RemoteNetworkContainers(libpod),
            [typeof(IManifestListService)] = manifests,
            [typeof(IManifestListPusher)] = new RemoteManifestListPusher(libpod, manifests),
            [typeof(IEventLog)] = new RemoteEventLog(libpod),
            [typeof(IPodService)] = pods,
            [typeof(ISecretService)] = new RemoteSecretService(libpod),
            [typeof(ISystemMaintenance)] = new RemoteSystemMaintenance(libpod),
            [typeof(IKubeGenerator)] = new RemoteKubeGenerator(libpod),
            // rmi -f: the users of the image go first, through the same remote services.
            [typeof(ForcedImageRemoval)] = new ForcedImageRemoval(images, containers, pods),
            [typeof(Engine.Images.Management.IImageHistoryReader)] = new RemoteImageHistoryReader(libpod),
            [typeof(Engine.Images.Management.IImagePruner)] = new RemoteImagePruner(libpod),
            [typeof(Engine.Images.Management.IImageTreeRenderer)] = new RemoteImageTreeRenderer(libpod),
            [typeof(Engine.Containers.Diff.ILayerChanges)] = new RemoteLayerChanges(libpod),
            [typeof(Engine.Containers.Export.IContainerExporter)] = new RemoteContainerExporter(libpod),
            [typeof(Engine.Commit.IContainerCommitter)] = new RemoteContainerCommitter(libpod),
            [typeof(Engine.Images.Transports.ITarballImporter)] = new RemoteTarballImporter(libpod),
            [typeof(Engine.Images.Transports.IImageTransports)] = new RemoteImageTransports(libpod),
            [typeof(IImagePusher)] = new RemoteImagePusher(libpod),
            [typeof(Modular.Engine.Containers.Copy.IContainerCopier)] = new RemoteContainerCopier(libpod),
            [typeof(Modular.Engine.Build.IImageBuilder)] = new RemoteImageBuilder(libpod),
            [typeof(Engine.Containers.Checkpoints.ICheckpointRunner)] = checkpointRunner,
            [typeof(IContainerCheckpoints)] = new RemoteContainerCheckpoints(libpod, checkpointRunner),
        };
        Libpod = libpod;
    }

    public LibpodClient Libpod { get; }

    /// <summary>Null for a service the remote client lacks: callers asking optionally carry on.</summary>
    public object? GetService(Type serviceType) => _services.GetValueOrDefault(serviceType);

    /// <summary>A command that needs a service the remote client lacks cannot run remotely.</summary>
    public object GetRequiredService(Type serviceType) =>
        _services.TryGetValue(serviceType, out var service) ? service : throw Unsupported();

    public ValueTask DisposeAsync() => _transport.DisposeAsync();

    public static CapabilityMissingException Unsupported() =>
        new("this command is not supported by the modpod remote client yet");
}
