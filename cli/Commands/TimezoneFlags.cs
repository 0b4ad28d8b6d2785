using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// --tz of create and run: the host's zone file for the name (or the host's own
/// /etc/localtime for "local", whatever $TZ says) bound read-only on /etc/localtime.
/// </summary>
public sealed class TimezoneFlags
{
    private const string ZoneDirectory = "/usr/share/zoneinfo";

    public Option<string?> Timezone { get; } =
        Value("--tz", "Set timezone in container (a zone name such as Europe/Berlin, or local)");

    public Command AddTo(Command command) => command.With(Timezone);

    public CreateContainerRequest AddTo(ParseResult r, CreateContainerRequest request)
    {
        var zone = r.GetValue(Timezone);
        if (string.IsNullOrEmpty(zone))
        {
            return request;
        }

        var source = ZoneFile(zone);
        return request with { Volumes = [.. request.Volumes, $"{source}:/etc/localtime:ro"] };
    }

    private static string ZoneFile(string zone)
    {
        if (zone == "local")
        {
            var local = new FileInfo("/etc/localtime");
            return (local.ResolveLinkTarget(returnFinalTarget: true) ?? local).FullName;
        }

        var path = Path.GetFullPath(Path.Combine(ZoneDirectory, zone));
        return path.StartsWith(ZoneDirectory + "/", StringComparison.Ordinal) && File.Exists(path)
            ? path
            : throw new UsageException($"running container create option: finding timezone: unknown time zone {zone}");
    }
}
