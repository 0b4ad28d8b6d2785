using System.Text;
using CliWrap;

namespace Modular.EndToEnd.Copy;

/// <summary>Tar archives for cp tests: listed with the host's tar -t, built with TarWriter.</summary>
internal static class TarListing
{
    public static async Task<IReadOnlyList<string>> ListAsync(byte[] tar)
    {
        var output = new StringBuilder();
        await Cli.Wrap("tar")
            .WithArguments(["-tf", "-"])
            .WithStandardInputPipe(PipeSource.FromBytes(tar))
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output))
            .ExecuteAsync();
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static async Task<IReadOnlyList<string>> ListVerboseAsync(byte[] tar)
    {
        var output = new StringBuilder();
        await Cli.Wrap("tar")
            .WithArguments(["-tvf", "-", "--numeric-owner"])
            .WithStandardInputPipe(PipeSource.FromBytes(tar))
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output))
            .ExecuteAsync();
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
