using System.Text.Json;
using Modular.Cli.Hosting;
using Modular.Cli.Parsing;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Images;
using Modular.Engine.Pods;

namespace Modular.Cli.Commands;

/// <summary>
/// Plays Kubernetes Pods as Podman's <c>kube play</c> does: a pod with an infra and exit
/// policy "stop", one container per entry named POD-CONTAINER, then the pod started; and
/// tears them down again (<c>kube down</c>, <c>--replace</c>).
/// </summary>
public sealed class KubePlay(CliContext context)
{
    private IPodService Pods => PodCommands.Pods(context);

    /// <summary><c>--network</c>: the networks (or mode) every played pod's infra joins.</summary>
    public IReadOnlyList<string> Networks { get; init; } = [];

    /// <summary>
    /// Pulls each image the pods name that the store lacks, with the credentials and TLS
    /// choices of kube play's flags; container creation then finds them local.
    /// </summary>
    public async Task PullMissingAsync(
        IReadOnlyList<KubePod> pods,
        PullOptions options,
        CancellationToken cancellationToken)
    {
        var wanted = pods.SelectMany(p => p.Containers)
            .Select(c => c.Image)
            .Where(i => i.Length > 0)
            .Distinct();
        foreach (var image in wanted)
        {
            try
            {
                await context.Images.ResolveAsync(image, cancellationToken);
            }
            catch (NotFoundException)
            {
                await context.Images.PullAsync(image, options, cancellationToken);
            }
        }
    }

    /// <summary>Creates (and unless <paramref name="start"/> is false starts) each pod;
    /// prints Podman's report: "Pod:", the id, "Container:"/"Containers:", the ids.</summary>
    public async Task PlayAsync(
        IReadOnlyList<KubePod> pods,
        bool start,
        bool quiet,
        CancellationToken cancellationToken)
    {
        var played = new List<(string PodId, List<string> ContainerIds)>();
        try
        {
            foreach (var pod in pods)
            {
                played.Add(await PlayOneAsync(pod, start, quiet, cancellationToken));
            }
        }
        catch (Exception) when (played.Count > 0)
        {
            // A play that fails part way takes away the pods it made (and their members),
            // so the store is as it was; pods that existed before are never touched.
            await RemoveAsync(played.Select(p => p.PodId));
            throw;
        }

        foreach (var (podId, containerIds) in played)
        {
            await context.Out.WriteLineAsync("Pod:");
            await context.Out.WriteLineAsync(podId);
            if (containerIds.Count > 0)
            {
                await context.Out.WriteLineAsync(containerIds.Count == 1 ? "Container:" : "Containers:");
                foreach (var id in containerIds)
                {
                    await context.Out.WriteLineAsync(id);
                }
            }

            await context.Out.WriteLineAsync();
        }
    }

    private async Task RemoveAsync(IEnumerable<string> podIds)
    {
        foreach (var id in podIds)
        {
            try
            {
                await Pods.RemoveAsync(id, true, 0, CancellationToken.None);
            }
            catch (Exception e) when (e is Contracts.Errors.ModularException)
            {
                await context.Error.WriteLineAsync($"WARN[0000] Removing pod {id} after the failed play: {e.Message}");
            }
        }
    }

    private async Task<(string PodId, List<string> ContainerIds)> PlayOneAsync(
        KubePod pod,
        bool start,
        bool quiet,
        CancellationToken cancellationToken)
    {
        var created = await Pods.CreateAsync(PodRequest(pod), cancellationToken);
        try
        {
            return (created.Id, await FillAsync(pod, created.Id, start, quiet, cancellationToken));
        }
        catch (Exception)
        {
            await RemoveAsync([created.Id]);
            throw;
        }
    }

    private async Task<List<string>> FillAsync(
        KubePod pod,
        string podId,
        bool start,
        bool quiet,
        CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var container in pod.Containers)
        {
            var info = await context.Containers.CreateAsync(
                ContainerRequest(pod, container, podId, quiet), cancellationToken);
            ids.Add(info.Id);
        }

        if (start)
        {
            await Pods.StartAsync(podId, cancellationToken);
        }

        return ids;
    }

    private PodCreateRequest PodRequest(KubePod pod) => new()
    {
        Networks = Networks,
        Name = pod.Name,
        Labels = pod.Labels,
        Hostname = pod.Hostname,
        // Podman plays every pod with exit policy "stop": the infra goes when the last member does.
        ExitPolicy = PodExitPolicy.Stop,
        RestartPolicy = pod.RestartPolicy,
        PortMappings = PublishParser.Parse(pod.Containers.SelectMany(c => c.Ports)),
        CreateCommand = Environment.GetCommandLineArgs(),
    };

    private CreateContainerRequest ContainerRequest(
        KubePod pod,
        KubeContainer container,
        string podId,
        bool quiet) => new()
    {
        Image = container.Image.Length > 0
            ? container.Image
            : throw new InvalidInputException($"container {container.Name} has no image"),
        Name = $"{pod.Name}-{container.Name}",
        // Kubernetes' command replaces the image's entrypoint (and with it its CMD); args
        // replace the CMD.
        Entrypoint = container.Command.Count > 0 ? JsonSerializer.Serialize(container.Command) : null,
        Command = container.Args,
        Env = container.Env,
        WorkingDir = container.WorkingDir,
        Pod = podId,
        PullProgress = quiet ? null : context.Error,
    };

    /// <summary>Stops and removes every pod the YAML names that exists; prints Podman's
    /// "Pods stopped:", "Pods removed:", "Secrets removed:", "Volumes removed:" lists.</summary>
    public async Task DownAsync(IReadOnlyList<KubePod> pods, CancellationToken cancellationToken)
    {
        var existing = new List<string>();
        foreach (var pod in pods)
        {
            if (await Pods.ExistsAsync(pod.Name, cancellationToken))
            {
                existing.Add((await Pods.GetAsync(pod.Name, cancellationToken)).Config.Id);
            }
        }

        await context.Out.WriteLineAsync("Pods stopped:");
        foreach (var id in existing)
        {
            await Pods.StopAsync(id, null, cancellationToken);
            await context.Out.WriteLineAsync(id);
        }

        await context.Out.WriteLineAsync("Pods removed:");
        foreach (var id in existing)
        {
            await context.Out.WriteLineAsync(await Pods.RemoveAsync(id, true, null, cancellationToken));
        }

        await context.Out.WriteLineAsync("Secrets removed:");
        await context.Out.WriteLineAsync("Volumes removed:");
    }
}
