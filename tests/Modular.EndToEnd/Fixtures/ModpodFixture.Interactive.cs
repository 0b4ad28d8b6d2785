using CliWrap;
using CliWrap.Buffered;

namespace Modular.EndToEnd.Fixtures;

public sealed partial class ModpodFixture
{
    /// <summary>Runs modpod with <paramref name="input"/> on its stdin (then end of file).</summary>
    public async Task<ModpodResult> RunWithInputAsync(string input, params string[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var result = await (PipeSource.FromString(input) | Command(args, null))
            .ExecuteBufferedAsync(timeout.Token);
        return new ModpodResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>
    /// The modpod command line for this store as one shell-quoted string, for a program
    /// that runs it in a terminal of its own (tmux).
    /// </summary>
    public string ShellCommand(params string[] args)
    {
        var command = Command(args, null);
        var words = new List<string> { "env" };
        words.AddRange(command.EnvironmentVariables
            .Where(pair => pair.Value is not null)
            .Select(pair => $"{pair.Key}={pair.Value}"));
        words.AddRange([command.TargetFilePath, "--root", GraphRoot, "--runroot", RunRoot, .. args]);
        return string.Join(' ', words.Select(Quote));
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
