using CliWrap;
using CliWrap.Buffered;
using Microsoft.Extensions.Logging;

namespace Modular.Plugins.Network.Cni;

/// <summary>
/// Runs netavark, CNI plugins and ip through CliWrap with a JSON document on stdin. The
/// caller decides what a non-zero exit means: netavark and CNI report errors as JSON.
/// </summary>
internal sealed class ProgramRunner(ILogger logger)
{
    public async Task<ProgramResult> RunAsync(
        string path,
        IReadOnlyList<string> arguments,
        string? standardInput,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken)
    {
        // Wire detail only at Trace: the documents carry names and addresses, no secrets.
        NetworkLog.ProgramStarting(logger, path, string.Join(' ', arguments), standardInput ?? "");

        var command = Cli.Wrap(path)
            .WithArguments(arguments)
            .WithEnvironmentVariables(WithSbin(environment))
            .WithValidation(CommandResultValidation.None);
        if (standardInput is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(standardInput));
        }

        var result = await command.ExecuteBufferedAsync(cancellationToken);

        NetworkLog.ProgramExited(logger, path, result.ExitCode, result.StandardOutput, result.StandardError);
        return new ProgramResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>
    /// netavark and the CNI plugins run iptables, and dnsname looks dnsmasq up, through PATH;
    /// Debian leaves /usr/sbin out of some users' PATH, so it is added, as Podman does.
    /// </summary>
    private static Dictionary<string, string?> WithSbin(IReadOnlyDictionary<string, string?> environment)
    {
        var result = new Dictionary<string, string?>(environment);
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        if (!result.ContainsKey("PATH") && !path.Split(':').Contains("/usr/sbin"))
        {
            result["PATH"] = path.Length == 0 ? "/usr/sbin:/usr/bin:/sbin:/bin" : path + ":/usr/sbin:/sbin";
        }

        return result;
    }
}
