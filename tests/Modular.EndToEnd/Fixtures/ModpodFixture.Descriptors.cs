using CliWrap;
using CliWrap.Buffered;

namespace Modular.EndToEnd.Fixtures;

public sealed partial class ModpodFixture
{
    /// <summary>
    /// Runs modpod from bash with <paramref name="redirections"/> (e.g. <c>9&lt;FILE</c>)
    /// applied first, so it inherits descriptors beyond stdio, as a shell user's would.
    /// </summary>
    public async Task<ModpodResult> RunWithDescriptorsAsync(string redirections, params string[] args)
    {
        var environment = Command(args, null).EnvironmentVariables;
        string[] argv = [RepositoryPaths.Modpod, "--root", GraphRoot, "--runroot", RunRoot, .. args];
        var result = await Cli.Wrap("/bin/bash")
            .WithArguments(["-c", $"exec \"$@\" {redirections}", "bash", .. argv])
            .WithEnvironmentVariables(environment)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        return new ModpodResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
