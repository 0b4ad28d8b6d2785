using System.Text.Json.Nodes;

namespace Modular.Engine.Health;

/// <summary>
/// Reads and writes the <c>Healthcheck</c> object of an image config and of Podman's
/// <c>Config.Healthcheck</c>: durations are Go nanoseconds, zero ones left out.
/// </summary>
public static class ImageHealthcheck
{
    private const long NanosecondsPerTick = 100;

    /// <summary>The image's healthcheck, or null when it has none (or an empty Test).</summary>
    public static HealthConfig? Read(JsonObject? node)
    {
        if (node?["Test"] is not JsonArray test || test.Count == 0)
        {
            return null;
        }

        return new HealthConfig
        {
            Test = test.Select(n => n?.ToString() ?? "").ToList(),
            Interval = Duration(node["Interval"]) ?? HealthConfig.DefaultInterval,
            Timeout = Duration(node["Timeout"]) ?? HealthConfig.DefaultTimeout,
            StartPeriod = Duration(node["StartPeriod"]) ?? TimeSpan.Zero,
            Retries = node["Retries"] is JsonValue r && r.TryGetValue<int>(out var n) && n > 0
                ? n
                : HealthConfig.DefaultRetries,
        };
    }

    /// <summary>Podman's <c>Config.Healthcheck</c> object.</summary>
    public static JsonObject Write(HealthConfig config)
    {
        var json = new JsonObject
        {
            ["Test"] = new JsonArray(config.Test.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
        };
        AddDuration(json, "StartPeriod", config.StartPeriod);
        AddDuration(json, "Interval", config.Interval);
        AddDuration(json, "Timeout", config.Timeout);
        json["Retries"] = config.Retries;
        return json;
    }

    private static void AddDuration(JsonObject json, string key, TimeSpan value)
    {
        if (value > TimeSpan.Zero)
        {
            json[key] = value.Ticks * NanosecondsPerTick;
        }
    }

    // Zero means "inherit the default" in image configs (Docker's rule).
    private static TimeSpan? Duration(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<long>(out var ns) && ns > 0
            ? TimeSpan.FromTicks(ns / NanosecondsPerTick)
            : null;
}
