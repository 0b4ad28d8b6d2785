using System.Collections;
using System.CommandLine;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// --env-host and --http-proxy of create and run: what the caller's environment gives the
/// container before --env-file and --env (which override it, as in Podman).
/// </summary>
public sealed class RunEnvFlags
{
    // Podman's config.ProxyEnv: passed through by default (--http-proxy=true).
    private static readonly string[] ProxyVariables =
    [
        "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "ftp_proxy", "FTP_PROXY",
        "no_proxy", "NO_PROXY",
    ];

    public Option<bool> EnvHost { get; } =
        Switch("--env-host", "Use all current host environment variables in the container");

    public Option<bool> HttpProxy { get; } = new("--http-proxy")
    {
        Description = "Set proxy environment variables in the container based on the host proxy vars",
        DefaultValueFactory = _ => true,
    };

    public Command AddTo(Command command) => command.With(EnvHost, HttpProxy);

    /// <summary>The host's part of the container's environment, lowest precedence first.</summary>
    public IReadOnlyList<string> HostEntries(ParseResult r, Func<string, string?> hostVariable)
    {
        var entries = new List<string>();
        if (r.GetValue(EnvHost))
        {
            foreach (DictionaryEntry pair in Environment.GetEnvironmentVariables())
            {
                entries.Add($"{pair.Key}={pair.Value}");
            }
        }

        if (r.GetValue(HttpProxy))
        {
            entries.AddRange(ProxyVariables
                .Select(name => (name, value: hostVariable(name)))
                .Where(p => p.value is not null)
                .Select(p => $"{p.name}={p.value}"));
        }

        return entries;
    }
}
