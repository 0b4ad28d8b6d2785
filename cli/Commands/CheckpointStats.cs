using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Engine.Containers.Checkpoints;

namespace Modular.Cli.Commands;

/// <summary>
/// --print-stats: Podman's JSON (durations in microseconds), criu's counters from its
/// stats file, or null when criu wrote none.
/// </summary>
internal static class CheckpointStats
{
    public static void Write(
        TextWriter output,
        string totalKey,
        string runtimeKey,
        TimeSpan total,
        IReadOnlyList<(string RawInput, CheckpointOutcome Outcome)> outcomes)
    {
        var containers = new JsonArray();
        foreach (var (rawInput, outcome) in outcomes)
        {
            containers.Add(new JsonObject
            {
                ["Id"] = outcome.Container.Id,
                ["RawInput"] = rawInput,
                [runtimeKey] = Microseconds(outcome.RuntimeDuration),
                ["criu_statistics"] = Statistics(outcome.Statistics),
            });
        }

        var json = new JsonObject
        {
            [totalKey] = Microseconds(total),
            ["container_statistics"] = containers,
        };
        output.WriteLine(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static JsonObject? Statistics(IReadOnlyDictionary<string, ulong>? counters) =>
        counters is null
            ? null
            : new JsonObject(counters.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)JsonValue.Create(c.Value))));

    private static long Microseconds(TimeSpan span) => (long)span.TotalMicroseconds;
}
