using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Win32.SafeHandles;
using Modular.Contracts.Errors;

namespace Modular.Engine.Conmon;

/// <summary>
/// Starts conmon for one container and waits until the runtime has created it: conmon
/// runs <c>runtime create</c> after reading the start pipe, then reports the container's
/// pid (or the runtime's error text, with a negative pid) on the sync pipe.
/// </summary>
public sealed class ConmonLauncher
{
    private static readonly TimeSpan CreateTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Returns the created container's pid, or throws with the runtime's message.</summary>
    /// <exception cref="ConmonCreateException">The runtime refused to create the container.</exception>
    public async Task<int> CreateAsync(ConmonRequest request, CancellationToken cancellationToken)
    {
        var passthrough = request.LogDriver == "passthrough";

        // A container holding the user's terminal could push input into it (TIOCSTI).
        if (passthrough && !(Console.IsOutputRedirected && Console.IsErrorRedirected))
        {
            throw new InvalidInputException(
                "the passthrough log driver cannot be used when stdout or stderr is a terminal");
        }

        var spawned = ConmonSpawner.Spawn(
            request.ConmonPath,
            ConmonArguments.Build(request),
            BuildEnvironment(request),
            passthrough ? null : Path.Combine(request.PersistDirectory, "conmon.stderr"),
            request.PersistDirectory,
            preserved: request.Preserved);
        using var sync = new FileStream(new SafeFileHandle(spawned.SyncReadFd, true), FileAccess.Read, 1);
        MoveToCgroup(request, spawned.Pid);
        await using (var start = new FileStream(new SafeFileHandle(spawned.StartWriteFd, true), FileAccess.Write, 1))
        {
            // One byte releases conmon to run `runtime create`; closing tells it nothing more comes.
            start.WriteByte(0);
        }

        var parentStatus = await Task.Run(() => ConmonSpawner.WaitForExit(spawned.Pid), CancellationToken.None);
        if (parentStatus != 0)
        {
            throw new BackendException(
                $"conmon failed with exit status {parentStatus}: {ReadStderr(request)}");
        }

        return await ReadSyncMessageAsync(sync, request, cancellationToken);
    }

    /// <summary>
    /// Podman's cgroupfs manager puts conmon in PARENT/conmon, out of the caller's cgroup and
    /// beside its containers, before conmon runs anything; its daemon child inherits it. As
    /// in Podman, a failure only leaves conmon where it was.
    /// </summary>
    private static void MoveToCgroup(ConmonRequest request, int pid)
    {
        if (request.CgroupPath is not { Length: > 0 } path)
        {
            return;
        }

        try
        {
            Containers.Resources.CgroupTree.Join(path, pid, Containers.Resources.CgroupLayout.Host);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"WARN[0000] Failed to add conmon to cgroupfs sandbox cgroup: {e.Message}");
        }
    }

    private static async Task<int> ReadSyncMessageAsync(
        FileStream sync,
        ConmonRequest request,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CreateTimeout);
        var text = await Task.Run(() => ReadOneJsonObject(sync), timeout.Token).WaitAsync(timeout.Token);
        if (text.Length == 0)
        {
            throw new BackendException($"conmon exited before reporting the container: {ReadStderr(request)}");
        }

        var message = JsonNode.Parse(text)!.AsObject();
        var pid = message["data"]?.GetValue<int>() ?? -1;
        if (pid > 0)
        {
            return pid;
        }

        throw new ConmonCreateException(message["message"]?.GetValue<string>() ?? ReadStderr(request));
    }

    // conmon writes one JSON object and keeps the pipe open, so reading to end would hang.
    private static string ReadOneJsonObject(FileStream sync)
    {
        var buffer = new byte[65536];
        var text = new StringBuilder();
        int read;
        while ((read = sync.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            if (IsCompleteJson(text.ToString()))
            {
                break;
            }
        }

        return text.ToString().Trim();
    }

    private static bool IsCompleteJson(string text)
    {
        try
        {
            JsonNode.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string ReadStderr(ConmonRequest request)
    {
        var path = Path.Combine(request.PersistDirectory, "conmon.stderr");
        return File.Exists(path) ? File.ReadAllText(path).Trim() : "";
    }

    private static List<string> BuildEnvironment(ConmonRequest request)
    {
        var environment = ConmonEnvironment.Inherited();

        // The exit command must see the same configuration files as the creating process.
        foreach (var (name, value) in request.Environment)
        {
            environment[name] = value;
        }

        return environment.Select(pair => $"{pair.Key}={pair.Value}").ToList();
    }
}
