using System.CommandLine;
using System.Net.Sockets;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>system dial-stdio</c>: joins stdin and stdout to the service's unix socket (--url,
/// else the default socket). The remote client's ssh transport runs it on the SSH host.
/// </summary>
public static class DialStdioCommand
{
    private const string DefaultSocket = "/run/modular/modular.sock";

    public static Command Create(CliContext context) =>
        new Command("dial-stdio", "Proxy the stdio stream to the API socket").WithAction(
            context,
            "system dial-stdio",
            async (r, cancellationToken) =>
            {
                var path = SocketPath(context);
                using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
                await using var stream = new NetworkStream(socket, ownsSocket: false);
                await using var stdin = Console.OpenStandardInput();
                await using var stdout = context.OpenStdout();
                _ = CopyUpAsync(stdin, stream, socket, cancellationToken);
                await stream.CopyToAsync(stdout, cancellationToken);
                return ExitCodes.Success;
            });

    // The client's end of input is the request's end: pass it on as a half-close.
    private static async Task CopyUpAsync(
        Stream stdin,
        Stream socketStream,
        Socket socket,
        CancellationToken cancellationToken)
    {
        await stdin.CopyToAsync(socketStream, cancellationToken);
        socket.Shutdown(SocketShutdown.Send);
    }

    private static string SocketPath(CliContext context)
    {
        var url = context.RemoteUrl ?? Environment.GetEnvironmentVariable("CONTAINER_HOST");
        if (url is null)
        {
            return DefaultSocket;
        }

        return url.StartsWith("unix://", StringComparison.Ordinal)
            ? url["unix://".Length..]
            : throw new InvalidInputException($"dial-stdio needs a unix:// URL, not \"{url}\"");
    }
}
