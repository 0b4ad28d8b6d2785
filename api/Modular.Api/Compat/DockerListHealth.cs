using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Engine.Containers;

namespace Modular.Api.Compat;

/// <summary>
/// The container list's <c>Health</c> object, new in Docker API 1.52: "none" without a
/// healthcheck or once the container ended, "starting" before its first result, else the
/// last status. Older levels
/// do not have the key, so it is left out for them.
/// </summary>
public static class DockerListHealth
{
    private static readonly Version Introduced = new(1, 52);

    public static bool Applies(HttpContext http) =>
        Version.TryParse(http.Version(), out var asked) && asked >= Introduced;

    public static JsonObject For(ContainerInfo container, JsonObject? inspect)
    {
        // As Podman: a container that is neither live nor waiting to run (exited, stopped)
        // reports "none" with no streak, though inspect keeps its last health.
        var hasCheck = inspect?["Config"]?["Healthcheck"] is not null;
        var live = container.State is "running" or "paused" or "created" or "configured" or "initialized" or "stopping";
        if (!hasCheck || !live)
        {
            return new JsonObject { ["Status"] = "none", ["FailingStreak"] = 0 };
        }

        var status = container.HealthStatus.Length == 0 ? "starting" : container.HealthStatus;
        var streak = inspect?["State"]?["Health"]?["FailingStreak"]?.GetValue<int>() ?? 0;
        return new JsonObject { ["Status"] = status, ["FailingStreak"] = streak };
    }
}
