using CliWrap;
using CliWrap.Buffered;

namespace Modular.EndToEnd.Fixtures;

public sealed partial class ModpodFixture
{
    /// <summary>
    /// Starts modpod as a shell starts a background job: with SIGINT ignored (inherited
    /// through exec). The process ID is modpod's own, so a test can send it SIGINT.
    /// </summary>
    public (int ProcessId, Task<ModpodResult> Completion) StartWithInterruptsIgnored(params string[] args)
    {
        var plain = Command(args, null);
        var task = Cli.Wrap("sh")
            .WithArguments(["-c", "trap '' INT; exec \"$0\" \"$@\"", plain.TargetFilePath,
                "--root", GraphRoot, "--runroot", RunRoot, .. args])
            .WithEnvironmentVariables(plain.EnvironmentVariables)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        return (task.ProcessId, Finish(task));
    }
}
