using Modular.Engine.Containers;

namespace Modular.Remote.Services;

/// <summary>
/// IContainerHealth as far as the remote client goes: a plain <c>exec</c> through an exec
/// session. Healthchecks run on the service's host; asked here they are not supported yet.
/// </summary>
public sealed class RemoteContainerHealth(RemoteContainerAttach attach) : IContainerHealth
{
    public Task<string> RunHealthCheckAsync(string nameOrId, CancellationToken cancellationToken) =>
        throw RemoteServiceProvider.Unsupported();

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
