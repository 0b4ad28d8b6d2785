using Modular.Contracts.Errors;
using Modular.Engine.Configuration;
using Modular.Contracts.Hooks;
using Modular.Engine.Containers;
using Modular.Engine.Events;
using Modular.Engine.Images;
using Modular.Engine.State;

namespace Modular.Engine.Pods;

/// <summary>
/// Pods over their own SQLite table and the container service. The infra is an ordinary
/// container marked as such; members find it through the pod record at create and start.
/// </summary>
public sealed partial class PodService(
    EngineOptions options,
    IContainerService containers,
    IEventLog? events = null,
    IContainerControl? control = null,
    Volumes.IVolumeService? volumes = null) : IPodService
{
    private readonly PodStore _pods = new(options.DatabaseRoot);
    private readonly ContainerStore _containerRecords = new(options.DatabaseRoot);

    // --rootfs DIR:O, so each infra writes into its own upper layer, never the shared DIR.
    private const string RootfsOverlaySuffix = ":O";

    public async Task<PodConfig> CreateAsync(PodCreateRequest request, CancellationToken cancellationToken)
    {
        if (request.Name is { } name && !ContainerName.IsAllowed(name))
        {
            throw new InvalidInputException(
                "running pod create option: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument");
        }

        var pod = WithCgroup(NewPod(request), request.CgroupParent);
        var infraImage = ChosenInfraImage(request);
        await _pods.InsertAsync(pod, cancellationToken);
        if (!pod.CreateInfra)
        {
            CreateCgroup(pod);
            await EmitAsync(pod, "create", cancellationToken);
            return pod;
        }

        try
        {
            CreateCgroup(pod);
            var infra = await containers.CreateAsync(InfraRequest(request, pod, infraImage), cancellationToken);
            pod = pod with { InfraId = infra.Id };
            await _pods.UpdateAsync(pod, cancellationToken);
            await EmitAsync(pod, "create", cancellationToken);
            return pod;
        }
        catch (Exception e)
        {
            await _pods.DeleteAsync(pod.Id, CancellationToken.None);
            RemoveCgroup(pod);
            if (infraImage is not null && InfraPullFailure(infraImage, e) is { } failure)
            {
                throw failure;
            }

            throw;
        }
    }

    // Podman names the infra image it could not pull by its transport: "initializing
    // source docker://IMAGE: why" (containers/image's words).
    private static BackendException? InfraPullFailure(string image, Exception error)
    {
        var prefix = $"pulling \"{image}\": ";
        return error is ModularException && error.Message.StartsWith(prefix, StringComparison.Ordinal)
            ? new BackendException($"initializing source docker://{image}: {error.Message[prefix.Length..]}", error)
            : null;
    }

    public async Task<PodView> GetAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var pod = await _pods.GetAsync(nameOrId, cancellationToken);
        return (await ViewsAsync([pod], cancellationToken))[0];
    }

    public async Task<bool> ExistsAsync(string nameOrId, CancellationToken cancellationToken) =>
        await _pods.FindAsync(nameOrId, cancellationToken) is not null;

    public async Task<IReadOnlyList<PodView>> ListAsync(CancellationToken cancellationToken) =>
        await ViewsAsync(await _pods.ListAsync(cancellationToken), cancellationToken);

    private static PodConfig NewPod(PodCreateRequest request)
    {
        var id = NameGenerator.NewId();
        var shares = PodShares.Parse(request.Share);
        return new PodConfig
        {
            Id = id,
            Name = request.Name ?? NameGenerator.Next(),
            Created = DateTimeOffset.UtcNow,
            CreateCommand = request.CreateCommand,
            Labels = Labels(request.Labels),
            Hostname = request.Hostname ?? "",
            SharedNamespaces = request.Infra ? shares : [],
            ExitPolicy = PodExitPolicy.Parse(request.ExitPolicy),
            CreateInfra = request.Infra,
            PortMappings = request.PortMappings,
            Networks = request.Networks,
            NoHosts = request.NoHosts,
            RestartPolicy = CheckedRestart(request.RestartPolicy),
            Limits = request.Resources is { AnyLimit: true } flags
                ? Containers.Resources.ResourceParser.Apply(new(), flags)
                : null,
        };
    }

    // Refused at pod create with the container's words, rather than at each member's create.
    private static string CheckedRestart(string? value)
    {
        if (value is not { Length: > 0 })
        {
            return "";
        }

        _ = Containers.RestartPolicy.Parse(value);
        return value;
    }

    // An image only when one is asked for (pod create --infra-image, containers.conf
    // infra_image); otherwise Podman 5.5+'s rootfs infra, which no image list shows.
    private string? ChosenInfraImage(PodCreateRequest request) =>
        (request.InfraImage ?? options.InfraImage) is { Length: > 0 } chosen ? chosen : null;

    private CreateContainerRequest InfraRequest(PodCreateRequest request, PodConfig pod, string? image) => new()
    {
        Image = image,
        Rootfs = image is null ? InfraRootfs.Prepare(options.RunRoot) + RootfsOverlaySuffix : null,
        Volumes = image is null ? [InfraRootfs.CatatonitVolume()] : [],
        Name = request.InfraName ?? pod.Id[..12] + "-infra",
        Entrypoint = InfraEntrypoint(request.InfraCommand)
            ?? (image is null ? System.Text.Json.JsonSerializer.Serialize(InfraRootfs.Entrypoint) : null),
        NoHosts = request.NoHosts,
        Hostname = pod.Shares("uts") ? ContainerService.PodHostname(pod) : null,
        Networks = pod.Shares("net") ? request.Networks : ["none"],
        PortMappings = request.PortMappings,
        DnsServers = request.DnsServers,
        DnsSearch = request.DnsSearch,
        DnsOptions = request.DnsOptions,
        AddHosts = request.AddHosts,
        MacAddress = request.MacAddress,
        Labels = [],
        Pull = image is null ? PullPolicyMode.Never : PullPolicyMode.Missing,
        Pod = pod.Id,
        IsInfra = true,
        Resources = new Containers.Resources.ResourceFlags
        {
            CgroupParent = pod.CgroupPath.Length > 0 ? pod.CgroupPath : null,
        },
    };

    // Podman splits --infra-command at each space into the infra's argv; passed on as a
    // JSON array, which the container's --entrypoint reads as an argv.
    private static string? InfraEntrypoint(string? command) =>
        command is { Length: > 0 }
            ? System.Text.Json.JsonSerializer.Serialize(command.Split(' '))
            : command;

    private static Dictionary<string, string> Labels(IEnumerable<string> values)
    {
        var labels = new Dictionary<string, string>();
        foreach (var value in values)
        {
            var at = value.IndexOf('=');
            labels[at < 0 ? value : value[..at]] = at < 0 ? "" : value[(at + 1)..];
        }

        return labels;
    }

    /// <summary>The pods with their containers, statuses refreshed from conmon's files.</summary>
    private async Task<List<PodView>> ViewsAsync(
        IReadOnlyList<PodConfig> pods,
        CancellationToken cancellationToken)
    {
        var infos = (await containers.ListAsync(all: true, cancellationToken)).ToDictionary(info => info.Id);
        var records = await _containerRecords.ListAsync(cancellationToken);
        return pods.Select(pod => View(pod, records, infos)).ToList();
    }

    private static PodView View(
        PodConfig pod,
        List<ContainerRecord> records,
        Dictionary<string, ContainerInfo> infos)
    {
        var members = records
            .Where(record => record.Config.Pod == pod.Id && infos.ContainsKey(record.Config.Id))
            .OrderByDescending(record => record.Config.IsInfra)
            .Select(record => infos[record.Config.Id])
            .Select(info => new PodMember(
                info.Id, info.Name, info.State, info.RestartCount, info.Id == pod.InfraId, info.Networks ?? []))
            .ToList();
        return new PodView(pod, members, PodStates.From(members.Select(member => member.Status).ToList()));
    }

    /// <summary>Podman's pod events: type pod, the pod's id and name.</summary>
    private async Task EmitAsync(PodConfig pod, string status, CancellationToken cancellationToken)
    {
        if (events is not null)
        {
            await events.AppendAsync(
                new EngineEvent("pod", status, pod.Id, pod.Name, DateTimeOffset.UtcNow, new Dictionary<string, string>()),
                cancellationToken);
        }
    }
}
