using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Modular.Api.Libpod;

/// <summary>
/// Exec sessions made by POST .../exec and run by POST /exec/{id}/start; kept in the
/// service's memory for inspection of their exit code, as Podman keeps them in its state.
/// </summary>
public sealed class ExecSessions
{
    private readonly ConcurrentDictionary<string, ExecSession> _sessions = new();

    public ExecSession Add(ExecSession template)
    {
        var session = template with { Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) };
        _sessions[session.Id] = session;
        return session;
    }

    public ExecSession Get(string id) =>
        _sessions.TryGetValue(id, out var session)
            ? session
            : throw new Contracts.Errors.NotFoundException($"no container with exec session ID {id} found: no such exec session");

    public void Update(ExecSession session) => _sessions[session.Id] = session;
}
