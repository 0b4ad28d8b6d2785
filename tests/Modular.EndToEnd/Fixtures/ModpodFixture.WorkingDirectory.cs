using CliWrap.Buffered;

namespace Modular.EndToEnd.Fixtures;

public sealed partial class ModpodFixture
{
    /// <summary>Runs modpod from <paramref name="workingDirectory"/>, for relative host paths (RUN-09).</summary>
    public async Task<ModpodResult> RunInAsync(string workingDirectory, params string[] args)
    {
        var result = await Command(args, null).WithWorkingDirectory(workingDirectory).ExecuteBufferedAsync();
        return new ModpodResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
