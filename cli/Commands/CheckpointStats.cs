using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Engine.Containers.Checkpoints;

namespace Modular.Cli.Commands;

/// <summary>
/// --print-stats: Podman's JSON (durations in microseconds). criu's own statistics
/// (stats-dump, a protobuf file) are not decoded: <c>criu_statistics</c> is null.
/// </summary>
internal static class CheckpointStats
{
    public static void Write(
        TextWriter output,
        string totalKey,
        string runtimeKey,
        TimeSpan total,
        IReadOnlyList<CheckpointOutcome> outcomes)
    {
        var containers = new JsonArray();
        foreach (var outcome in outcomes)
        {
            containers.Add(new JsonObject
            {
                ["Id"] = outcome.Container.Id,
                [runtimeKey] = Microseconds(outcome.RuntimeDuration),
                ["criu_statistics"] = null,
            });
        }

        var json = new JsonObject
        {
            [totalKey] = Microseconds(total),
            ["container_statistics"] = containers,
        };
        output.WriteLine(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static long Microseconds(TimeSpan span) => (long)span.TotalMicroseconds;
}
