using System.Text.Json.Nodes;
using Modular.Engine.Health;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>Podman's <c>State.Health</c>: {Status, FailingStreak, Log} (Log null when empty).</summary>
    private JsonObject InspectHealth(ContainerRecord record)
    {
        var stored = record.Config.Healthcheck is { IsEnabled: true }
            ? HealthStoreFor(record.Config).Read()
            : null;
        var log = stored is { Log.Count: > 0 }
            ? new JsonArray(stored.Log.Select(entry => (JsonNode)new JsonObject
            {
                ["Start"] = GoTime.Format(entry.Start),
                ["End"] = GoTime.Format(entry.End),
                ["ExitCode"] = entry.ExitCode,
                ["Output"] = entry.Output,
            }).ToArray())
            : null;
        return new JsonObject
        {
            ["Status"] = stored?.Status ?? "",
            ["FailingStreak"] = stored?.FailingStreak ?? 0,
            ["Log"] = log,
        };
    }

    /// <summary>
    /// Podman's <c>Config.Healthcheck</c> and <c>HealthcheckOnFailureAction</c>, when set, and
    /// (Podman 5.4+) where the health log goes and how much of it is kept: on every container,
    /// as Podman fills them from containers.conf's defaults.
    /// </summary>
    private static JsonObject WithHealthcheck(JsonObject json, ContainerConfig config)
    {
        if (config.Healthcheck is { } check)
        {
            json["Healthcheck"] = ImageHealthcheck.Write(check);
            json["HealthcheckOnFailureAction"] = config.HealthOnFailure;
        }

        json["HealthLogDestination"] = config.HealthLogDestination;
        json["HealthcheckMaxLogCount"] = config.HealthMaxLogCount;
        json["HealthcheckMaxLogSize"] = config.HealthMaxLogSize;
        return json;
    }
}
