using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of a registry, for killing a pull at a known point.
/// It logs each HTTP request line it relays and, once a response to a request whose path
/// holds <see cref="StallOn"/> has passed <see cref="StallAfterBytes"/> bytes, stops relaying
/// that connection (never closing it) and completes <see cref="Stalled"/>. Disposing stops
/// the listener and closes every connection.
/// </summary>
public sealed class ThrottlingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _accepting;

    public ThrottlingProxy(string upstream)
    {
        var parts = upstream.Split(':');
        _upstream = new IPEndPoint(IPAddress.Parse(parts[0]), int.Parse(parts[1]));
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>A path fragment (a digest, or "/blobs/" for every blob), or null to never stall.</summary>
    public string? StallOn { get; set; }

    public long StallAfterBytes { get; set; }

    public Task Stalled => _stalled.Task;

    /// <summary>"GET /v2/..." lines relayed so far.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        using var server = new TcpClient();
        var state = new ConnectionState();
        try
        {
            await server.ConnectAsync(_upstream, _stop.Token);
            var up = PumpRequestsAsync(client.GetStream(), server.GetStream(), state);
            var down = PumpResponsesAsync(server.GetStream(), client.GetStream(), state);
            await Task.WhenAny(up, down);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A side closed or the proxy stopped: the connection ends.
        }
    }

    private async Task PumpRequestsAsync(Stream from, Stream to, ConnectionState state)
    {
        var buffer = new byte[1 << 16];
        int n;
        while ((n = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            // Pull requests carry no body, so request lines are all that flows this way.
            foreach (var line in Encoding.ASCII.GetString(buffer, 0, n).Split("\r\n"))
            {
                if (line.StartsWith("GET ", StringComparison.Ordinal) || line.StartsWith("HEAD ", StringComparison.Ordinal))
                {
                    _requests.Enqueue(line.Split(' ')[0] + " " + line.Split(' ')[1]);
                    state.Path = line;
                    state.Bytes = 0;
                }
            }

            await to.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
        }
    }

    private async Task PumpResponsesAsync(Stream from, Stream to, ConnectionState state)
    {
        var buffer = new byte[1 << 14];
        int n;
        while ((n = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            var stallOn = StallOn;
            var stalls = stallOn is not null && state.Path.Contains(stallOn, StringComparison.Ordinal);
            var allowed = stalls ? (int)Math.Clamp(StallAfterBytes - state.Bytes, 0, n) : n;
            await to.WriteAsync(buffer.AsMemory(0, allowed), _stop.Token);
            state.Bytes += allowed;
            if (allowed < n)
            {
                _stalled.TrySetResult();
                await Task.Delay(Timeout.Infinite, _stop.Token);
            }
        }
    }

    private sealed class ConnectionState
    {
        public string Path { get; set; } = "";

        public long Bytes { get; set; }
    }
}
