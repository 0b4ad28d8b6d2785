using CliWrap;
using CliWrap.Buffered;

namespace Modular.EndToEnd.Fixtures;

public sealed partial class ModpodFixture
{
    public async Task DisposeAsync()
    {
        // Cleanup must finish even after a failed test; each step is bounded and
        // tolerant, and touches only what lives under this fixture's own directory.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await TryAsync(() => RunAsync(["rm", "-f", "-a", "-t", "0"], null, timeout.Token));

        // rm -a leaves infra containers to their pods, as Podman does.
        await TryAsync(() => RunAsync(["pod", "rm", "-f", "-a", "-t", "0"], null, timeout.Token));
        await WaitForOwnProcessesAsync();
        await KillOwnConmonsAsync();
        await UnmountOwnAsync(timeout.Token);
        if (_matrixNetwork is not null)
        {
            await _matrixNetwork.DisposeAsync();
        }

        await TryAsync(() =>
        {
            System.IO.Directory.Delete(Directory, recursive: true);
            return Task.CompletedTask;
        });
    }

    /// <summary>conmon processes whose argv names this fixture's directory, i.e. ours.</summary>
    public IReadOnlyList<int> OwnConmonProcesses() =>
        HostTraces.ProcessesWithArgument(Directory)
            .Where(p => p.Command == "conmon")
            .Select(p => p.Pid)
            .ToList();

    // conmon runs the exit command (container cleanup) after rm returns; deleting the
    // store under it would let that command recreate parts of it. Bounded wait.
    private async Task WaitForOwnProcessesAsync()
    {
        for (var i = 0; i < 50 && HostTraces.ProcessesWithArgument(Directory).Count > 0; i++)
        {
            await Task.Delay(200);
        }
    }

    private Task KillOwnConmonsAsync()
    {
        foreach (var pid in OwnConmonProcesses())
        {
            HostTraces.KillByPid(pid);
        }

        return Task.CompletedTask;
    }

    private async Task UnmountOwnAsync(CancellationToken cancellationToken)
    {
        var prefix = Directory + "/";
        var mounts = HostTraces.MountPoints()
            .Where(m => m.StartsWith(prefix, StringComparison.Ordinal))
            .OrderByDescending(m => m.Length);
        foreach (var mount in mounts)
        {
            await TryAsync(() => Cli.Wrap("umount")
                .WithArguments(["-l", mount])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken));
        }
    }

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException
                                     or OperationCanceledException or InvalidOperationException
                                     or System.ComponentModel.Win32Exception)
        {
            // Best effort: the next step still runs, and the directory is unique to us.
        }
    }
}
