using Modular.Contracts.Errors;
using Modular.Remote.Connections;

namespace Modular.Remote;

/// <summary>
/// The remote flags as typed, plus the environment Podman reads for them: CONTAINER_HOST
/// (--url), CONTAINER_CONNECTION (--connection) and CONTAINER_SSHKEY (--identity).
/// </summary>
public sealed record RemoteSettings(bool Remote, string? Url, string? Connection, string? Identity)
{
    /// <summary>modpod's own service socket, where Podman's remote client looks for podman.sock.</summary>
    public const string DefaultSocket = "unix:///run/modular/modular.sock";

    /// <summary>True when any flag or variable asks for the remote client.</summary>
    public bool IsRemote =>
        Remote || Url is not null || Connection is not null || FromEnvironment();

    public static bool FromEnvironment() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CONTAINER_HOST"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CONTAINER_CONNECTION"));

    /// <summary>
    /// Flags win over variables; a named connection over a URL; with neither, the default
    /// connection, else modpod's default socket.
    /// </summary>
    public RemoteEndpoint Resolve(ConnectionStore store)
    {
        if (Url is not null && Connection is not null)
        {
            throw new InvalidInputException("cannot specify both --url and --connection");
        }

        var identity = Identity ?? Variable("CONTAINER_SSHKEY");
        var name = Connection ?? (Url is null ? Variable("CONTAINER_CONNECTION") : null);
        if (name is not null)
        {
            var chosen = store.Find(name);
            return Endpoint(chosen.Destination.URI, identity ?? chosen.Destination.Identity);
        }

        var url = Url ?? Variable("CONTAINER_HOST");
        if (url is not null)
        {
            return Endpoint(url, identity);
        }

        var fallback = store.FindDefault();
        return fallback is null
            ? Endpoint(DefaultSocket, identity)
            : Endpoint(fallback.Destination.URI, identity ?? fallback.Destination.Identity);
    }

    private static RemoteEndpoint Endpoint(string text, string? identity)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("unix" or "tcp" or "ssh"))
        {
            // Podman's bindings refuse any other scheme with these words.
            var scheme = uri?.Scheme ?? text;
            throw new InvalidInputException(
                $"unable to create connection. \"{scheme}\" is not a supported schema");
        }

        return new RemoteEndpoint(uri, string.IsNullOrEmpty(identity) ? null : identity);
    }

    private static string? Variable(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
