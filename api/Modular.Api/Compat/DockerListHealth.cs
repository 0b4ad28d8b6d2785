using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Engine.Containers;

namespace Modular.Api.Compat;

/// <summary>
/// The container list's <c>Health</c> object, new in Docker API 1.52: "none" without a
/// healthcheck, "starting" before its first result, else the last status. Older levels
/// do not have the key, so it is left out for them.
/// </summary>
public static class DockerListHealth
{
    private static readonly Version Introduced = new(1, 52);

    public static bool Applies(HttpContext http) =>
        Version.TryParse(http.Version(), out var asked) && asked >= Introduced;

    public static JsonObject For(ContainerInfo container, JsonObject? inspect)
    {
        var hasCheck = inspect?["Config"]?["Healthcheck"] is not null;
        var status = !hasCheck ? "none"
            : container.HealthStatus.Length == 0 ? "starting"
            : container.HealthStatus;
        var streak = inspect?["State"]?["Health"]?["FailingStreak"]?.GetValue<int>() ?? 0;
        return new JsonObject { ["Status"] = status, ["FailingStreak"] = streak };
    }
}
