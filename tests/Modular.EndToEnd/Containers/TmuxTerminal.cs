using CliWrap;
using CliWrap.Buffered;
using Xunit.Sdk;

namespace Modular.EndToEnd.Containers;

/// <summary>
/// A real pseudo-terminal for interactive tests: a tmux server on a socket of its own
/// (never the user's), one window running a shell line. Disposing kills that server.
/// </summary>
public sealed class TmuxTerminal : IAsyncDisposable
{
    private readonly string _socket = "modular-e2e-" + Guid.NewGuid().ToString("N")[..12];

    private TmuxTerminal()
    {
    }

    /// <summary>Starts <paramref name="shellLine"/> in a new window; the window stays after it ends.</summary>
    public static async Task<TmuxTerminal> StartAsync(string shellLine, int columns = 100, int rows = 30)
    {
        var terminal = new TmuxTerminal();
        await terminal.TmuxAsync(
            "-f", "/dev/null", "new-session", "-d", "-s", "main",
            "-x", columns.ToString(), "-y", rows.ToString(),
            $"{shellLine}; echo EXIT=$?; sleep 600");
        return terminal;
    }

    /// <summary>Types literal text, then Enter.</summary>
    public Task TypeLineAsync(string text) => TmuxAsync("send-keys", "-t", "main", "-l", text + "\r");

    /// <summary>Sends tmux key names such as C-p.</summary>
    public Task KeysAsync(params string[] keys) => TmuxAsync(["send-keys", "-t", "main", .. keys]);

    public Task ResizeAsync(int columns, int rows) =>
        TmuxAsync("resize-window", "-t", "main", "-x", columns.ToString(), "-y", rows.ToString());

    public async Task<string> ScreenAsync() => (await TmuxAsync("capture-pane", "-p", "-t", "main")).StandardOutput;

    /// <summary>
    /// Waits until the screen shows <paramref name="text"/>; fails with the screen otherwise.
    /// tmux drops trailing blanks from each line, so a prompt is "/ #", not "/ # ".
    /// </summary>
    public async Task<string> WaitForAsync(string text, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var screen = "";
        while (DateTime.UtcNow < deadline)
        {
            screen = await ScreenAsync();
            if (screen.Contains(text, StringComparison.Ordinal))
            {
                return screen;
            }

            await Task.Delay(200);
        }

        throw new XunitException($"terminal never showed \"{text}\"; screen:\n{screen}");
    }

    public async ValueTask DisposeAsync()
    {
        // kill-server leaves the socket file behind; it is ours, so it goes too.
        var socketPath = (await TmuxAsync("display-message", "-p", "#{socket_path}")).StandardOutput.Trim();
        await TmuxAsync("kill-server");
        if (socketPath.Contains(_socket, StringComparison.Ordinal))
        {
            File.Delete(socketPath);
        }
    }

    private async Task<BufferedCommandResult> TmuxAsync(params string[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await Cli.Wrap("tmux")
            .WithArguments(["-L", _socket, .. args])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
    }
}
