using System.Net;
using Modular.Contracts.Errors;

namespace Modular.Api;

/// <summary>Where the service listens: a unix socket path or a TCP address.</summary>
public sealed record ServiceEndpoint(string? SocketPath, IPEndPoint? Tcp)
{
    /// <summary>The default socket of a root service.</summary>
    public const string DefaultSocket = "/run/modular/modular.sock";

    /// <summary>Reads unix:///path or tcp://host:port (null: the default socket).</summary>
    public static ServiceEndpoint Parse(string? uri)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return new ServiceEndpoint(DefaultSocket, null);
        }

        if (uri.StartsWith("unix://", StringComparison.Ordinal))
        {
            var path = uri["unix://".Length..];
            return path.StartsWith('/')
                ? new ServiceEndpoint(path, null)
                : throw new InvalidInputException($"{uri}: a unix socket needs an absolute path");
        }

        if (uri.StartsWith("tcp://", StringComparison.Ordinal)
            && Uri.TryCreate("http://" + uri["tcp://".Length..], UriKind.Absolute, out var parsed)
            && parsed.Port > 0 && parsed.AbsolutePath == "/"
            && IPAddress.TryParse(parsed.Host.Trim('[', ']'), out var address))
        {
            return new ServiceEndpoint(null, new IPEndPoint(address, parsed.Port));
        }

        throw new InvalidInputException(
            $"{uri}: API service endpoint scheme must be unix:// or tcp://HOST:PORT");
    }
}
