using System.Text.Json.Nodes;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Networking;
using Modular.Engine.Health;

namespace Modular.Remote.Services;

/// <summary>
/// The process, logging, healthcheck and lifetime flags under Podman's SpecGenerator keys:
/// durations in nanoseconds, the stop signal as its number, --expose as Podman's
/// port-to-protocols map. Each value is checked with the engine's parser before sending.
/// </summary>
internal static class SpecGeneratorProcess
{
    // define.HealthCheckOnFailureAction: an int on the wire, 1 being "invalid".
    private static readonly string[] OnFailureActions = ["none", "invalid", "kill", "restart", "stop"];

    public static void AddTo(JsonObject spec, CreateContainerRequest request)
    {
        SpecGenerator.Optional(spec, "oci_runtime", request.Runtime);
        SpecGenerator.OptionalList(spec, "unsetenv", request.UnsetEnv);
        Switch(spec, "unsetenvall", request.UnsetEnvAll);
        if (request.StopSignal is { Length: > 0 } signal)
        {
            spec["stop_signal"] = Signals.Parse(signal);
        }

        SpecGenerator.Optional(spec, "umask", request.Umask);
        Switch(spec, "use_image_hostname", request.NoHostname);
        if (request.Timeout > 0)
        {
            spec["timeout"] = request.Timeout;
        }

        Switch(spec, "removeImage", request.AutoRemoveImage);
        SpecGenerator.Optional(spec, "conmon_pid_file", request.ConmonPidFile);
        Log(spec, request);
        Health(spec, request.Health);
        IdMappings(spec, request);
    }

    private static void Log(JsonObject spec, CreateContainerRequest request)
    {
        if (request.LogDriver is null && request.LogOptions.Count == 0)
        {
            return;
        }

        var log = new JsonObject();
        SpecGenerator.Optional(log, "driver", request.LogDriver);
        if (request.LogOptions.Count > 0)
        {
            // Kept as typed (max-size=10m): the service hands them to the same --log-opt.
            log["options"] = SpecGenerator.Map(request.LogOptions);
        }

        spec["log_configuration"] = log;
    }

    private static void Health(JsonObject spec, HealthFlags flags)
    {
        if (flags == new HealthFlags())
        {
            return;
        }

        HealthDefinition.Resolve(flags, null);
        var config = new JsonObject();
        if (flags.Disabled || flags.Command is not null)
        {
            config["Test"] = SpecGenerator.Array(
                flags.Disabled ? ["NONE"] : HealthDefinition.ParseCommand(flags.Command!));
        }

        Duration(config, "Interval", flags.Interval);
        Duration(config, "Timeout", flags.Timeout);
        Duration(config, "StartPeriod", flags.StartPeriod);
        if (flags.Retries is { } retries)
        {
            config["Retries"] = retries;
        }

        spec["healthconfig"] = config;
        HealthLog(spec, flags);
    }

    private static void HealthLog(JsonObject spec, HealthFlags flags)
    {
        if (flags.OnFailure is { } action)
        {
            spec["health_check_on_failure_action"] =
                Array.IndexOf(OnFailureActions, HealthDefinition.OnFailure(action));
        }

        SpecGenerator.Optional(spec, "healthLogDestination", flags.LogDestination);
        if (flags.MaxLogCount is { } count)
        {
            spec["healthMaxLogCount"] = count;
        }

        if (flags.MaxLogSize is { } size)
        {
            spec["healthMaxLogSize"] = size;
        }
    }

    private static void Duration(JsonObject config, string key, string? value)
    {
        if (value is not null)
        {
            // "disable" (an interval only) is Podman's zero: no timer.
            config[key] = value == "disable" ? 0 : GoDuration.Parse(value).Ticks * 100;
        }
    }

    private static void IdMappings(JsonObject spec, CreateContainerRequest request)
    {
        if (request.UidMap.Count == 0 && request.GidMap.Count == 0)
        {
            return;
        }

        var mappings = new JsonObject { ["UIDMap"] = Maps(request.UidMap) };
        if (request.GidMap.Count > 0)
        {
            mappings["GIDMap"] = Maps(request.GidMap);
        }

        spec["idmappings"] = mappings;
    }

    // idtools.IDMap entries; a value that is not three numbers travels as typed in
    // container_id text so the service refuses it with the local command's words.
    private static JsonArray Maps(IReadOnlyList<string> values) =>
        new(values.Select(value =>
        {
            var parts = value.Split(':');
            return (JsonNode)(parts.Length == 3 && parts.All(p => long.TryParse(p, out _))
                ? new JsonObject
                {
                    ["container_id"] = long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
                    ["host_id"] = long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
                    ["size"] = long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture),
                }
                : new JsonObject { ["container_id"] = value });
        }).ToArray());

    /// <summary>-P, --expose (Podman's port to "tcp,udp" map), --ip, --ip6 and --mac-address.</summary>
    public static void Ports(JsonObject spec, CreateContainerRequest request)
    {
        Switch(spec, "publish_image_ports", request.PublishAll);
        if (request.Expose.Count > 0)
        {
            var expose = new JsonObject();
            foreach (var group in ExposedPorts.Merge([], request.Expose)
                .Select(port => port.Split('/'))
                .GroupBy(parts => parts[0]))
            {
                expose[group.Key] = string.Join(',', group.Select(parts => parts[1]).Distinct());
            }

            spec["expose"] = expose;
        }

        var v4 = request.StaticIps.Where(ip => !ip.Contains(':')).ToList();
        var v6 = request.StaticIps.Where(ip => ip.Contains(':')).ToList();
        SpecGenerator.Optional(spec, "static_ip", v4.FirstOrDefault());
        SpecGenerator.Optional(spec, "static_ipv6", v6.FirstOrDefault());
        SpecGenerator.Optional(spec, "static_mac", request.MacAddress);
    }

    private static void Switch(JsonObject spec, string key, bool on)
    {
        if (on)
        {
            spec[key] = true;
        }
    }
}
