using System.Net;
using System.Net.Sockets;
using Modular.Contracts.Errors;

namespace Modular.Remote.Transport;

/// <summary>
/// An HttpClient whose connections go to the endpoint's unix socket, TCP port or, through
/// an SSH session, the unix socket on the SSH host. Requests use http://d/ as Podman's
/// bindings do; the host name means nothing.
/// </summary>
public sealed class RemoteTransport : IAsyncDisposable
{
    private readonly SshTunnel? _ssh;

    private RemoteTransport(RemoteEndpoint endpoint)
    {
        Endpoint = endpoint;
        _ssh = endpoint.Uri.Scheme == "ssh" ? new SshTunnel(endpoint) : null;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = (_, cancellationToken) => OpenAsync(cancellationToken),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            UseProxy = false,
        };
        Client = new HttpClient(handler)
        {
            BaseAddress = new Uri("http://d/v5.0.0/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public RemoteEndpoint Endpoint { get; }

    public HttpClient Client { get; }

    public static RemoteTransport Open(RemoteEndpoint endpoint) => new(endpoint);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_ssh is not null)
        {
            await _ssh.DisposeAsync();
        }
    }

    /// <summary>A fresh connection of its own, for a request that takes the connection over.</summary>
    public ValueTask<Stream> ConnectAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    private async ValueTask<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return Endpoint.Uri.Scheme switch
            {
                "unix" => await SocketAsync(
                    new UnixDomainSocketEndPoint(Endpoint.Uri.AbsolutePath),
                    cancellationToken),
                "tcp" => await SocketAsync(
                    new DnsEndPoint(Endpoint.Uri.Host, Endpoint.Uri.Port),
                    cancellationToken),
                _ => await _ssh!.OpenAsync(cancellationToken),
            };
        }
        catch (SocketException e)
        {
            throw Unreachable(e);
        }
    }

    private static async ValueTask<Stream> SocketAsync(EndPoint target, CancellationToken cancellationToken)
    {
        var socket = target is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(target, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Podman's words when nothing answers at the URI (one line, not its two).</summary>
    public BackendException Unreachable(Exception cause) =>
        new($"unable to connect to Podman socket: {Reason(cause)}", cause);

    // Go's dial error, as Podman prints it: "failed to connect: dial unix PATH: connect: no
    // such file or directory". .NET reports a missing socket file as "Cannot assign
    // requested address", which names neither the file nor the cause.
    private string Reason(Exception cause)
    {
        var uri = Endpoint.Uri;
        var socketError = (cause as SocketException ?? cause.InnerException as SocketException)?.SocketErrorCode;
        var (network, address) = uri.Scheme switch
        {
            "unix" => ("unix", uri.AbsolutePath),
            "tcp" => ("tcp", $"{uri.Host}:{uri.Port}"),
            _ => ("", ""),
        };
        if (network.Length == 0 || socketError is null)
        {
            return $"{uri}: {cause.Message}";
        }

        var why = socketError switch
        {
            _ when network == "unix" && !File.Exists(address) => "no such file or directory",
            SocketError.ConnectionRefused => "connection refused",
            SocketError.AccessDenied => "permission denied",
            SocketError.TimedOut => "connection timed out",
            SocketError.HostUnreachable or SocketError.NetworkUnreachable => "no route to host",
            _ => cause.Message.ToLowerInvariant(),
        };
        return $"failed to connect: dial {network} {address}: connect: {why}";
    }
}
