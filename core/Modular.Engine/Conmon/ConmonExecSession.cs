using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Win32.SafeHandles;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Engine.Conmon;

/// <summary>
/// An exec session run by conmon. With --exec-attach conmon reads its start pipe twice:
/// once to begin, once (after it has said on the attach pipe that its socket listens) to
/// run <c>runtime exec</c>, so the client is connected before the first byte of output.
/// The sync pipe then carries the process's pid and, at its exit, its exit status.
/// </summary>
public sealed class ConmonExecSession : IAsyncDisposable
{
    private readonly FileStream _sync;
    private readonly string _exitFile;

    private ConmonExecSession(FileStream sync, AttachConnection? connection, string exitFile)
    {
        _sync = sync;
        Connection = connection;
        _exitFile = exitFile;
    }

    /// <summary>The attach socket's connection, or null for a detached session.</summary>
    public AttachConnection? Connection { get; }

    /// <summary>Starts the session; throws with the runtime's text when it cannot run the process.</summary>
    /// <exception cref="ConmonCreateException">The runtime refused the process.</exception>
    public static async Task<ConmonExecSession> StartAsync(
        ConmonExecRequest request,
        IReadOnlyList<string> environment,
        CancellationToken cancellationToken)
    {
        var stderrPath = Path.Combine(request.Directory, "conmon.stderr");
        var spawned = ConmonSpawner.Spawn(
            request.ConmonPath,
            request.Arguments(),
            environment,
            stderrPath,
            request.Directory,
            request.Attach,
            request.Preserved);
        var sync = new FileStream(new SafeFileHandle(spawned.SyncReadFd, true), FileAccess.Read, 1);
        try
        {
            var connection = await ReleaseAsync(request, spawned, stderrPath, cancellationToken);
            var pid = await ReadMessageAsync(sync, cancellationToken);
            if (pid.Data <= 0)
            {
                await DisposeQuietlyAsync(connection);
                throw new ConmonCreateException(pid.Message ?? ReadText(stderrPath));
            }

            return new ConmonExecSession(sync, connection, request.ExitFile);
        }
        catch
        {
            await sync.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits for the process's exit status: conmon's second sync message where it sends one,
    /// else the exit file it writes in the session directory (conmon 2.1 with a terminal).
    /// </summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        var text = await Task.Run(() => ReadOneObject(_sync), CancellationToken.None).WaitAsync(cancellationToken);
        if (text.Length > 0)
        {
            return JsonNode.Parse(text)!["data"]?.GetValue<int>() ?? -1;
        }

        // The sync pipe closed when conmon exited, after it wrote the exit file.
        return File.Exists(_exitFile) && int.TryParse(File.ReadAllText(_exitFile).Trim(), out var code)
            ? code
            : throw new BackendException("conmon exited without reporting the exec session's exit status");
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeQuietlyAsync(Connection);
        await _sync.DisposeAsync();
    }

    private static async Task<AttachConnection?> ReleaseAsync(
        ConmonExecRequest request,
        SpawnedConmon spawned,
        string stderrPath,
        CancellationToken cancellationToken)
    {
        await using var start = new FileStream(new SafeFileHandle(spawned.StartWriteFd, true), FileAccess.Write, 1);
        start.WriteByte(0);
        start.Flush();
        var parentStatus = await Task.Run(() => ConmonSpawner.WaitForExit(spawned.Pid), CancellationToken.None);
        if (parentStatus != 0)
        {
            throw new BackendException($"conmon failed with exit status {parentStatus}: {ReadText(stderrPath)}");
        }

        if (!request.Attach)
        {
            return null;
        }

        await using (var ready = new FileStream(new SafeFileHandle(spawned.AttachReadFd, true), FileAccess.Read, 1))
        {
            await ReadMessageAsync(ready, cancellationToken);
        }

        var connection = await AttachConnection.ConnectAsync(request.Directory, cancellationToken);
        start.WriteByte(0);
        return connection;
    }

    private static async Task<(int Data, string? Message)> ReadMessageAsync(
        FileStream pipe,
        CancellationToken cancellationToken)
    {
        var text = await Task.Run(() => ReadOneObject(pipe), CancellationToken.None).WaitAsync(cancellationToken);
        if (text.Length == 0)
        {
            throw new BackendException("conmon exited without reporting the exec session");
        }

        var message = JsonNode.Parse(text)!.AsObject();
        return (message["data"]?.GetValue<int>() ?? -1, message["message"]?.GetValue<string>());
    }

    // conmon writes one JSON object per message on a pipe that stays open: read to its end brace.
    private static string ReadOneObject(FileStream pipe)
    {
        var bytes = new List<byte>();
        int value;
        while ((value = pipe.ReadByte()) >= 0)
        {
            bytes.Add((byte)value);
            if (value == '}' && IsJson(bytes))
            {
                break;
            }
        }

        return Encoding.UTF8.GetString([.. bytes]).Trim();
    }

    private static bool IsJson(List<byte> bytes)
    {
        try
        {
            JsonNode.Parse(bytes.ToArray());
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string ReadText(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : "";

    private static async Task DisposeQuietlyAsync(AttachConnection? connection)
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
