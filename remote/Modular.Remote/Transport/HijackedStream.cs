using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Modular.Remote.Transport;

/// <summary>
/// A request that takes its connection over, as attach and exec start do: written by hand
/// with <c>Upgrade: tcp</c> on a connection of its own, because after the answer's head the
/// socket carries stdin one way and the process's output the other, which HttpClient's
/// request and response model cannot express.
/// </summary>
public sealed class HijackedStream : IAsyncDisposable
{
    private readonly Stream _connection;

    private HijackedStream(Stream connection) => _connection = connection;

    /// <summary>The process's output after the head; reads 0 at the end (a reset counts as the end).</summary>
    public Stream Output => _connection;

    /// <summary>Stdin to the process.</summary>
    public Stream Input => _connection;

    /// <summary>POSTs <paramref name="path"/> (under /v5.0.0/) and returns once the head says 101 or 200.</summary>
    /// <exception cref="Exception">The service's error answer, as the engine's typed exception.</exception>
    public static async Task<HijackedStream> OpenAsync(
        RemoteTransport transport,
        string path,
        string? jsonBody,
        Func<HttpStatusCode, string, Exception> error,
        CancellationToken cancellationToken)
    {
        var connection = await transport.ConnectAsync(cancellationToken);
        try
        {
            await WriteRequestAsync(connection, path, jsonBody, cancellationToken);
            var (status, head) = await ReadHeadAsync(connection, cancellationToken);
            if (status is 101 or 200)
            {
                return new HijackedStream(connection);
            }

            throw error((HttpStatusCode)status, await ReadBodyAsync(connection, head, cancellationToken));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stdin ended: a socket says so with a half-close; other transports cannot.</summary>
    public void CloseInput()
    {
        if (_connection is NetworkStream network)
        {
            try
            {
                network.Socket.Shutdown(SocketShutdown.Send);
            }
            catch (SocketException)
            {
                // The service already closed the connection: nothing left to tell it.
            }
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static async Task WriteRequestAsync(
        Stream connection,
        string path,
        string? jsonBody,
        CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(jsonBody ?? "");
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"POST /v5.0.0/{path.TrimStart('/')} HTTP/1.1\r\n")
            .Append("Host: d\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n")
            .Append(jsonBody is null ? "" : "Content-Type: application/json\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n")
            .ToString();
        await connection.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        await connection.WriteAsync(body, cancellationToken);
        await connection.FlushAsync(cancellationToken);
    }

    // Byte by byte: what follows the head is the stream itself and must stay unread.
    private static async Task<(int Status, string Head)> ReadHeadAsync(
        Stream connection,
        CancellationToken cancellationToken)
    {
        var head = await ReadUntilAsync(connection, "\r\n\r\n"u8.ToArray(), cancellationToken);
        var status = int.Parse(head.Split(' ', 3)[1], CultureInfo.InvariantCulture);
        return (status, head);
    }

    /// <summary>An error answer's body, by Content-Length or in chunks (Kestrel's habit).</summary>
    private static async Task<string> ReadBodyAsync(
        Stream connection,
        string head,
        CancellationToken cancellationToken)
    {
        var lines = head.Split("\r\n");
        if (lines.Any(line => line.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)))
        {
            var text = new StringBuilder();
            while (int.Parse(
                    (await ReadUntilAsync(connection, "\r\n"u8.ToArray(), cancellationToken)).Trim(),
                    NumberStyles.HexNumber,
                    CultureInfo.InvariantCulture) is > 0 and var size)
            {
                text.Append(Encoding.UTF8.GetString(await ReadExactlyAsync(connection, size, cancellationToken)));
                await ReadExactlyAsync(connection, 2, cancellationToken);
            }

            return text.ToString();
        }

        var length = lines
            .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(line => int.Parse(line[15..].Trim(), CultureInfo.InvariantCulture))
            .FirstOrDefault();
        return Encoding.UTF8.GetString(await ReadExactlyAsync(connection, length, cancellationToken));
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream connection, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        await connection.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }

    private static async Task<string> ReadUntilAsync(
        Stream connection,
        byte[] end,
        CancellationToken cancellationToken)
    {
        var read = new List<byte>();
        var one = new byte[1];
        while (read.Count < end.Length || !read.TakeLast(end.Length).SequenceEqual(end))
        {
            if (read.Count > 65536 || await connection.ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException("the service closed the connection before answering");
            }

            read.Add(one[0]);
        }

        return Encoding.ASCII.GetString([.. read]);
    }
}
