using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Cli.Tests;

/// <summary>
/// Stands in for the engine's container service, which another part of the project
/// builds; these tests check only what the CLI does with its answers. It records calls
/// and plays back the outcomes a test sets.
/// </summary>
public sealed class FakeContainerService : IContainerService
{
    public List<ContainerInfo> Containers { get; } = [];
    public List<CreateContainerRequest> Created { get; } = [];
    public List<string> Calls { get; } = [];
    public int AttachedExitCode { get; set; }
    public Exception? AttachFailure { get; set; }
    public string AttachedOutput { get; set; } = "";

    public static ContainerInfo Info(
        string id,
        string name,
        string state,
        DateTimeOffset created,
        int? exit = null) =>
        new(id, name, "sha256:img", "localhost/busybox:latest", ["sleep", "300"], created, state, exit, null,
            created, created, false, "crun", new Dictionary<string, string>());

    public Task<ContainerInfo> CreateAsync(
        CreateContainerRequest request,
        CancellationToken cancellationToken)
    {
        Created.Add(request);
        var info = Info(new string('c', 64), request.Name ?? "generated", "created", DateTimeOffset.UnixEpoch);
        Containers.Add(info);
        return Task.FromResult(info);
    }

    public Task StartAsync(string nameOrId, CancellationToken cancellationToken)
    {
        Calls.Add("start " + nameOrId);
        return Task.CompletedTask;
    }

    public async Task<int> StartAttachedAsync(
        string nameOrId,
        Stream stdout,
        Stream stderr,
        CancellationToken cancellationToken)
    {
        Calls.Add("attach " + nameOrId);
        await stdout.WriteAsync(Encoding.UTF8.GetBytes(AttachedOutput), cancellationToken);
        return AttachFailure is null ? AttachedExitCode : throw AttachFailure;
    }

    public Task<ContainerInfo> StopAsync(
        string nameOrId,
        int? timeoutSeconds,
        CancellationToken cancellationToken)
    {
        Calls.Add($"stop {nameOrId} {timeoutSeconds}");
        return ResolveAsync(nameOrId, cancellationToken);
    }

    /// <summary>Completes with the signal name at the first KillAsync.</summary>
    public TaskCompletionSource<string> Killed { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<ContainerInfo> KillAsync(
        string nameOrId,
        string signal,
        CancellationToken cancellationToken)
    {
        Calls.Add($"kill {nameOrId} {signal}");
        Killed.TrySetResult(signal);
        return ResolveAsync(nameOrId, cancellationToken);
    }

    public async Task<ContainerInfo> RemoveAsync(
        string nameOrId,
        bool force,
        int? timeoutSeconds,
        CancellationToken cancellationToken)
    {
        var info = await ResolveAsync(nameOrId, cancellationToken);
        if (info.State == "running" && !force)
        {
            throw new WrongStateException($"cannot remove container {info.Id} as it is running - running or paused containers cannot be removed without force: container state improper");
        }

        Calls.Add("rm " + nameOrId);
        Containers.Remove(info);
        return info;
    }

    public Task<int> WaitAsync(string nameOrId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(nameOrId).ExitCode ?? 0);

    public Task<IReadOnlyList<ContainerInfo>> ListAsync(
        bool all,
        CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ContainerInfo>>(Containers.Where(c => all || c.State == "running").ToList());

    public Task<ContainerInfo> ResolveAsync(string nameOrId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(nameOrId));

    public Task<JsonObject> InspectAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var info = Find(nameOrId);
        return Task.FromResult(new JsonObject
        {
            ["Id"] = info.Id,
            ["Name"] = info.Name,
            ["State"] = new JsonObject { ["Status"] = info.State, ["ExitCode"] = info.ExitCode ?? 0 },
            ["Config"] = new JsonObject { ["Hostname"] = info.Id[..12] },
        });
    }

    public JsonObject Summarize(ContainerInfo container) => new()
    {
        ["Id"] = container.Id,
        ["Names"] = new JsonArray(container.Name),
        ["State"] = container.State,
    };

    public async IAsyncEnumerable<LogLine> ReadLogsAsync(
        string nameOrId,
        LogReadOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return new LogLine(DateTimeOffset.UnixEpoch, "stdout", false, "hello");
    }

    public Task CleanupAsync(string nameOrId, CancellationToken cancellationToken)
    {
        Calls.Add("cleanup " + nameOrId);
        return Task.CompletedTask;
    }

    private ContainerInfo Find(string nameOrId) =>
        Containers.FirstOrDefault(c => c.Name == nameOrId || c.Id.StartsWith(nameOrId, StringComparison.Ordinal))
        ?? throw new NotFoundException($"no container with name or ID \"{nameOrId}\" found: no such container");
}
