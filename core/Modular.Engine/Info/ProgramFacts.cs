using CliWrap;
using CliWrap.Buffered;

namespace Modular.Engine.Info;

/// <summary>The version line and Debian package of a program, for <c>modpod info</c>.</summary>
internal static class ProgramFacts
{
    // info must answer even when a program hangs; a few seconds is plenty for --version.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The first line of <c>PATH --version</c>, or empty.</summary>
    public static async Task<string> VersionAsync(string path, CancellationToken cancellationToken)
    {
        var output = await RunAsync(path, ["--version"], cancellationToken);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "";
    }

    /// <summary><c>name_version_arch</c> of the Debian package owning the file, as Podman shows it.</summary>
    public static async Task<string> PackageAsync(string path, CancellationToken cancellationToken)
    {
        var owner = await RunAsync("dpkg-query", ["-S", path], cancellationToken);
        var name = owner.Split(':', 2)[0].Trim();
        if (name.Length == 0 || name.Contains(' '))
        {
            return "Unknown";
        }

        var version = await RunAsync(
            "dpkg-query",
            ["-W", "-f", "${Package}_${Version}_${Architecture}", name],
            cancellationToken);
        return version.Length > 0 ? version.Trim() : "Unknown";
    }

    private static async Task<string> RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var result = await Cli.Wrap(program)
                .WithArguments(arguments)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(timeout.Token);
            return result.IsSuccess ? result.StandardOutput : "";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or OperationCanceledException
                                   && !cancellationToken.IsCancellationRequested)
        {
            return "";
        }
    }
}
