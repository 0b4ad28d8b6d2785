using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Engine.Health;

namespace Modular.Api.Libpod;

/// <summary>
/// The process, logging, healthcheck, lifetime and port fields back into flags: durations
/// from nanoseconds to Go's text, the stop signal by number, --expose from Podman's
/// port-to-protocols map.
/// </summary>
public static partial class SpecGeneratorArguments
{
    // define.HealthCheckOnFailureAction's values, in order.
    private static readonly string[] OnFailureActions = ["none", "invalid", "kill", "restart", "stop"];

    private static void ProcessArguments(List<string> args, JsonObject spec)
    {
        AddList(args, "--unsetenv", spec["unsetenv"]);
        AddSwitch(args, "--unsetenv-all", spec, "unsetenvall");
        AddValue(args, "--stop-signal", Number(spec, "stop_signal"));
        AddValue(args, "--umask", NullIfEmpty(Text(spec, "umask")));
        AddSwitch(args, "--no-hostname", spec, "use_image_hostname");
        AddValue(args, "--timeout", Number(spec, "timeout") is "0" ? null : Number(spec, "timeout"));
        AddSwitch(args, "--rmi", spec, "removeimage");
        AddValue(args, "--conmon-pidfile", NullIfEmpty(Text(spec, "conmon_pid_file")));
        LogArguments(args, spec["log_configuration"]);
        HealthArguments(args, spec);
        PublishArguments(args, spec);
    }

    private static void LogArguments(List<string> args, JsonNode? log)
    {
        AddValue(args, "--log-driver", NullIfEmpty(Text(log, "driver")));
        // Podman's client sends path= and max-size= as fields of their own.
        var path = NullIfEmpty(Text(log, "path"));
        AddValue(args, "--log-opt", path is null ? null : "path=" + path);
        var size = Number(log, "size");
        AddValue(args, "--log-opt", size is null or "0" ? null : "max-size=" + size);
        AddMap(args, "--log-opt", Child(log, "options"));
    }

    private static void HealthArguments(List<string> args, JsonObject spec)
    {
        var config = spec["healthconfig"];
        var test = Strings(Child(config, "Test"));
        if (test.Count > 0)
        {
            args.AddRange(test[0] switch
            {
                "NONE" => ["--no-healthcheck"],
                "CMD-SHELL" => ["--health-cmd", string.Join(' ', test.Skip(1))],
                "CMD" => ["--health-cmd", JsonSerializer.Serialize(test.Skip(1))],
                _ => ["--health-cmd", JsonSerializer.Serialize(test)],
            });
        }

        AddValue(args, "--health-interval", Duration(Child(config, "Interval"), "disable"));
        AddValue(args, "--health-timeout", Duration(Child(config, "Timeout"), null));
        AddValue(args, "--health-start-period", Duration(Child(config, "StartPeriod"), "0s"));
        AddValue(args, "--health-retries", Number(config, "Retries") is "0" ? null : Number(config, "Retries"));
        var action = Number(spec, "health_check_on_failure_action");
        var index = action is null ? 0 : int.Parse(action, CultureInfo.InvariantCulture);
        AddValue(args, "--health-on-failure", index > 0 && index < OnFailureActions.Length
            ? OnFailureActions[index]
            : null);
    }

    // Nanoseconds as Go's duration text; zero means "disable" for the interval only.
    private static string? Duration(JsonNode? value, string? zero)
    {
        if (value is not JsonValue number || !number.TryGetValue<long>(out var nanoseconds))
        {
            return null;
        }

        return nanoseconds == 0 ? zero : GoDuration.Format(TimeSpan.FromTicks(nanoseconds / 100));
    }

    private static void PublishArguments(List<string> args, JsonObject spec)
    {
        AddSwitch(args, "--publish-all", spec, "publish_image_ports");
        foreach (var (port, protocols) in spec["expose"] as JsonObject ?? [])
        {
            var names = (protocols?.ToString() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
            foreach (var protocol in names.Length == 0 ? ["tcp"] : names)
            {
                args.AddRange(["--expose", port + "/" + protocol]);
            }
        }

        AddValue(args, "--ip", NullIfEmpty(Text(spec, "static_ip")));
        AddValue(args, "--ip6", NullIfEmpty(Text(spec, "static_ipv6")));
        AddValue(args, "--mac-address", NullIfEmpty(Text(spec, "static_mac")));
    }
}
