using System.Text;
using CliWrap;

namespace Modular.EndToEnd.Fixtures;

public sealed partial class ModpodFixture
{
    /// <summary>Runs modpod with <paramref name="stdin"/> piped in (cp - CONTAINER:DIR).</summary>
    public async Task<ModpodResult> RunWithInputAsync(byte[] stdin, params string[] args)
    {
        var output = new StringBuilder();
        var error = new StringBuilder();
        var result = await Command(args, null)
            .WithStandardInputPipe(PipeSource.FromBytes(stdin))
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(error))
            .ExecuteAsync();
        return new ModpodResult(result.ExitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs modpod and keeps stdout as bytes (cp CONTAINER:PATH - writes a tar).</summary>
    public async Task<(ModpodResult Result, byte[] Output)> RunToBytesAsync(params string[] args)
    {
        using var output = new MemoryStream();
        var error = new StringBuilder();
        var result = await Command(args, null)
            .WithStandardOutputPipe(PipeTarget.ToStream(output))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(error))
            .ExecuteAsync();
        return (new ModpodResult(result.ExitCode, "", error.ToString()), output.ToArray());
    }
}
