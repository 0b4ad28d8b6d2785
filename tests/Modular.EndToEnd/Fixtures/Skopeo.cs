using CliWrap;
using CliWrap.Buffered;

namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// skopeo as an independent witness. As root it writes its blob-info cache under
/// /var/lib/containers whatever it is told, so each call runs in a private mount
/// namespace with a tmpfs over /var/lib and /run (Podman's state stays untouched and no
/// auth.json of the host is read); credentials are always passed explicitly.
/// </summary>
public static class Skopeo
{
    private const string Shield =
        "mount -t tmpfs -o size=64m skopeo-varlib /var/lib && "
        + "mount -t tmpfs -o size=16m skopeo-run /run && exec \"$@\"";

    /// <summary>Runs skopeo ARGS with TMPDIR in <paramref name="temp"/>; returns exit code and output.</summary>
    public static async Task<ModpodResult> RunAsync(string temp, params string[] args)
    {
        var result = await Cli.Wrap("unshare")
            .WithArguments(["-m", "--propagation", "private", "sh", "-c", Shield, "sh", "skopeo", .. args])
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["TMPDIR"] = temp })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        return new ModpodResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
