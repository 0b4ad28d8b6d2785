using System.Net.Sockets;
using Modular.Engine.Conmon;

namespace Modular.Engine.Containers;

/// <summary>
/// A connection to conmon's attach socket (SOCK_SEQPACKET). Each packet starts with one byte
/// naming the stream (2 stdout, 3 stderr), then the data; what the client sends is
/// stdin, without a header. The socket sits at BUNDLE/attach,
/// a path longer than sockaddr_un allows, so it is reached through /proc/self/fd/N of the
/// bundle directory opened with O_PATH.
/// </summary>
public sealed class AttachConnection : IAsyncDisposable
{
    private const byte StdoutPipe = 2;
    private const byte StderrPipe = 3;

    private readonly Socket _socket;

    private AttachConnection(Socket socket) => _socket = socket;

    public static async Task<AttachConnection> ConnectAsync(string bundle, CancellationToken cancellationToken)
    {
        var directoryFd = NativeMethods.open(bundle, NativeMethods.OPath | NativeMethods.ODirectory | NativeMethods.OCloexec, 0);
        if (directoryFd < 0)
        {
            throw new IOException($"cannot open {bundle} to reach the attach socket");
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Seqpacket, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint($"/proc/self/fd/{directoryFd}/attach"), cancellationToken);
            return new AttachConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        finally
        {
            NativeMethods.close(directoryFd);
        }
    }

    /// <summary>Copies the container's output until conmon closes the socket.</summary>
    public async Task CopyOutputAsync(Stream stdout, Stream stderr, CancellationToken cancellationToken)
    {
        var buffer = new byte[65536 + 1];
        while (true)
        {
            int received;
            try
            {
                received = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            }
            catch (SocketException)
            {
                return;
            }

            if (received <= 0)
            {
                return;
            }

            var target = buffer[0] switch
            {
                StdoutPipe => stdout,
                StderrPipe => stderr,
                _ => null,
            };
            if (target is not null && received > 1)
            {
                await target.WriteAsync(buffer.AsMemory(1, received - 1), cancellationToken);
                await target.FlushAsync(cancellationToken);
            }
        }
    }

    /// <summary>Sends bytes for the process's stdin (or terminal); conmon reads them raw.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await _socket.SendAsync(data, SocketFlags.None, cancellationToken);
    }

    /// <summary>
    /// Ends our input: conmon reads end of file and, for a process started with -i and no
    /// terminal, closes its stdin, as Podman's client does when its own stdin ends.
    /// </summary>
    public void CloseInput()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // conmon is already gone: the process has exited and nothing reads its stdin.
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
