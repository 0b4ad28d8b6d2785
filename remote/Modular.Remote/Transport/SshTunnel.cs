using Modular.Contracts.Errors;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Modular.Remote.Transport;

/// <summary>
/// One SSH session to the endpoint's host; each HTTP connection is a
/// <c>modpod system dial-stdio</c> on that host, joined to the remote unix socket.
/// SSH.NET cannot forward to a unix socket (no direct-streamlocal channel), so the remote
/// modpod does the last hop, as <c>docker system dial-stdio</c> does for Docker's ssh URLs.
/// </summary>
internal sealed class SshTunnel(RemoteEndpoint endpoint) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1);
    private SshClient? _client;

    public async Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        var client = await ConnectedAsync(cancellationToken);
        var socketPath = endpoint.Uri.AbsolutePath;
        var command = client.CreateCommand(
            $"modpod --url unix://{Quote(socketPath)} system dial-stdio");
        var running = command.ExecuteAsync(cancellationToken);
        return new SshCommandStream(command, running);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            _client.Disconnect();
            _client.Dispose();
        }

        _gate.Dispose();
        await Task.CompletedTask;
    }

    private async Task<SshClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_client is { IsConnected: true })
            {
                return _client;
            }

            var client = new SshClient(Connection());
            client.HostKeyReceived += (_, e) => e.CanTrust = KnownHosts.Trusts(
                endpoint.Uri.Host,
                endpoint.Uri.IsDefaultPort ? 22 : endpoint.Uri.Port,
                e.HostKeyName,
                e.HostKey);
            await client.ConnectAsync(cancellationToken);
            _client = client;
            return client;
        }
        catch (Exception e) when (e is SshException or System.Net.Sockets.SocketException)
        {
            throw new BackendException(
                $"failed to connect: {endpoint.Uri.Host}: {e.Message}", e);
        }
        finally
        {
            _gate.Release();
        }
    }

    private ConnectionInfo Connection()
    {
        var user = endpoint.Uri.UserInfo.Split(':')[0];
        if (user.Length == 0)
        {
            user = Environment.UserName;
        }

        var port = endpoint.Uri.Port > 0 ? endpoint.Uri.Port : 22;
        if (endpoint.Identity is null)
        {
            throw new InvalidInputException(
                $"no identity for {endpoint.Uri}: give --identity or CONTAINER_SSHKEY "
                + "(modpod's ssh transport has no agent or password support)");
        }

        var key = new PrivateKeyFile(endpoint.Identity);
        return new ConnectionInfo(endpoint.Uri.Host, port, user, new PrivateKeyAuthenticationMethod(user, key));
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";
}
