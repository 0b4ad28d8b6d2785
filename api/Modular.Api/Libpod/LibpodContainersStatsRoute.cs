using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Cli.Hosting;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Resources;

namespace Modular.Api.Libpod;

/// <summary>
/// GET /libpod/containers/stats: Podman's own stats of several containers (the named ones,
/// else the running ones, or all=true every one) as {"Error":null,"Stats":[...]} with
/// define.ContainerStats' keys; stream (default true) repeats it every <c>interval</c>
/// seconds (default 5) until the client leaves. A name not found is 404 before any body.
/// </summary>
public static class LibpodContainersStatsRoute
{
    public static void Map(WebApplication app) => app.MapGet("/libpod/containers/stats", StatsAsync);

    private static async Task StatsAsync(HttpContext http, CliContext cli)
    {
        var names = http.Request.Query["containers"].Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).ToList();
        var stream = LibpodQuery.Bool(http, "stream", absent: true);
        var all = LibpodQuery.Bool(http, "all");
        var interval = TimeSpan.FromSeconds(Math.Max(LibpodQuery.Int(http, "interval") ?? 5, 1));
        var source = cli.Services.GetRequiredService<IContainerResources>();
        var token = http.RequestAborted;
        var previous = new Dictionary<string, ContainerStatsSample>(StringComparer.Ordinal);
        var started = false;
        do
        {
            var samples = await source.SampleStatsAsync(names, all, token);
            var stats = new JsonArray();
            foreach (var sample in samples)
            {
                var reading = previous.TryGetValue(sample.Id, out var before) ? sample with { Previous = before } : sample;
                previous[sample.Id] = sample;
                stats.Add(await EntryAsync(cli, reading, token));
            }

            if (!started)
            {
                http.Response.ContentType = "application/json";
                started = true;
            }

            var report = new JsonObject { ["Error"] = null, ["Stats"] = stats };
            await http.Response.WriteAsync(report.ToJsonString(LibpodJson.Relaxed) + "\n", token);
            await http.Response.Body.FlushAsync(token);
            if (stream)
            {
                await Task.Delay(interval, token);
            }
        }
        while (stream && !token.IsCancellationRequested);
    }

    private static async Task<JsonObject> EntryAsync(CliContext cli, ContainerStatsSample s, CancellationToken token) => new()
    {
        ["AvgCPU"] = s.AverageCpuPercent,
        ["ContainerID"] = s.Id,
        ["Name"] = s.Name,
        ["CPU"] = s.CpuPercent,
        ["CPUNano"] = s.CpuNanos,
        ["CPUSystemNano"] = s.CpuSystemNanos,
        ["SystemNano"] = s.SystemNanos,
        ["MemUsage"] = s.MemoryUsage,
        ["MemLimit"] = s.MemoryLimit,
        ["MemPerc"] = s.MemoryPercent,
        ["Network"] = await NetworkAsync(cli, s, token),
        ["BlockInput"] = s.BlockInput,
        ["BlockOutput"] = s.BlockOutput,
        ["PIDs"] = s.Pids,
        ["UpTime"] = s.CpuNanos,
        ["Duration"] = s.CpuNanos,
    };

    /// <summary>eth0 .. ethN for the networks joined (traffic on the first); null without any.</summary>
    private static async Task<JsonNode?> NetworkAsync(CliContext cli, ContainerStatsSample s, CancellationToken token)
    {
        var joined = (await cli.Containers.ResolveAsync(s.Id, token)).Networks?.Count ?? 0;
        if (joined == 0)
        {
            return null;
        }

        var networks = new JsonObject();
        for (var i = 0; i < joined; i++)
        {
            networks["eth" + i] = new JsonObject
            {
                ["RxBytes"] = i == 0 ? s.NetInput : 0, ["RxDropped"] = 0, ["RxErrors"] = 0, ["RxPackets"] = 0,
                ["TxBytes"] = i == 0 ? s.NetOutput : 0, ["TxDropped"] = 0, ["TxErrors"] = 0, ["TxPackets"] = 0,
            };
        }

        return networks;
    }
}
