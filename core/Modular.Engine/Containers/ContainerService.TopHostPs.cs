using System.Text;
using CliWrap;
using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// ps(1) arguments run the host's ps inside the container's PID namespace, as Podman
    /// does, so <c>top CTR -ef</c> looks the same whatever the image holds: nsenter joins
    /// the PID namespace and forks, unshare gives the child a private mount namespace with a
    /// /proc of that PID namespace. Only for containers without CAP_SYS_PTRACE (with it, the
    /// container could reach the host through the host's ps), again as Podman. Null when
    /// the host's ps could not be run there (the caller falls back to the container's ps);
    /// ps's own failure (bad arguments) is the user's error, with ps's words.
    /// </summary>
    private static async Task<List<string>?> HostPsAsync(
        ContainerRecord record,
        IReadOnlyList<string> words,
        CancellationToken cancellationToken)
    {
        if (record.Config.Capabilities.Contains("CAP_SYS_PTRACE") || record.State.Pid is not > 0
            || FindOnPath("ps") is not { } ps || FindOnPath("nsenter") is not { } nsenter
            || FindOnPath("unshare") is not { } unshare)
        {
            return null;
        }

        var output = new StringBuilder();
        var error = new StringBuilder();
        var result = await Cli.Wrap(nsenter)
            .WithArguments(
            [
                "--target", record.State.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--pid", "--", unshare, "--mount", "--propagation", "private", "--mount-proc", ps, .. words,
            ])
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(error))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(cancellationToken);
        var stderr = error.ToString();
        if (result.ExitCode != 0)
        {
            // nsenter's and unshare's own failures name themselves; anything else is ps's.
            if (stderr.StartsWith("nsenter:", StringComparison.Ordinal)
                || stderr.StartsWith("unshare:", StringComparison.Ordinal))
            {
                return null;
            }

            throw new BackendException($"ps(1) failed with exit code {result.ExitCode}: {stderr}");
        }

        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
