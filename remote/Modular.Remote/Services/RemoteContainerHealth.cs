using Modular.Engine.Containers;

namespace Modular.Remote.Services;

/// <summary>
/// IContainerHealth as far as the remote client goes: a plain <c>exec</c> through an exec
/// session, and <c>healthcheck run</c> through the service, which records the result. The
/// timer belongs to the service's host and never runs here.
/// </summary>
public sealed class RemoteContainerHealth(RemoteContainerAttach attach, LibpodClient libpod)
    : IContainerHealth
{
    public async Task<string> RunHealthCheckAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var path = $"libpod/containers/{LibpodClient.Escape(nameOrId)}/healthcheck";
        var result = await libpod.GetJsonAsync(path, cancellationToken);
        return result?["Status"]?.ToString() ?? "";
    }

    public Task RunHealthTimerAsync(string id, CancellationToken cancellationToken) =>
        throw RemoteServiceProvider.Unsupported();

    public async Task<int> ExecAsync(
        string nameOrId,
        IReadOnlyList<string> argv,
        ExecOptions options,
        Stream stdout,
        Stream stderr,
        CancellationToken cancellationToken)
    {
        var streams = new AttachStreams(null, stdout, stderr, []);
        var result = await attach.ExecAttachedAsync(nameOrId, argv, options, false, streams, cancellationToken);
        return result.ExitCode;
    }
}
