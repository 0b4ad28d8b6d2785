using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Hosting;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Resources;

namespace Modular.Api.Libpod;

/// <summary>
/// GET /libpod/containers/{name}/stats and Docker's /containers/{name}/stats: Podman answers
/// both with Docker's stats object (cpu_stats, memory_stats, networks by interface ...), one
/// reading or (stream=true) one a second until the client leaves. The container's ID is
/// "Id" in the libpod tree and "id" in Docker's, as Podman keeps both.
/// </summary>
public static class LibpodContainerStatsRoute
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/libpod/containers/{name}/stats", (string name, HttpContext http) => StatsAsync(name, http, "Id"));
        app.MapGet("/containers/{name}/stats", (string name, HttpContext http) => StatsAsync(name, http, "id"));
    }

    private static async Task StatsAsync(string name, HttpContext http, string idKey)
    {
        var stream = LibpodQuery.Bool(http, "stream", absent: true);
        var inspect = JsonNode.Parse(LibpodJson.First(
            await CliBridge.OutputAsync(http, ["container", "inspect", name])))!;
        var source = http.RequestServices.GetRequiredService<CliContext>().Services
            .GetRequiredService<IContainerResources>();
        ContainerStatsSample? previous = null;
        http.Response.ContentType = "application/json";
        do
        {
            var sample = (await source.SampleStatsAsync([name], false, http.RequestAborted))[0];
            var reading = DockerStats(sample, previous, inspect, idKey);
            await http.Response.WriteAsync(reading.ToJsonString(LibpodJson.Relaxed) + "\n", http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
            previous = sample;
            if (stream)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), http.RequestAborted);
            }
        }
        while (stream && !http.RequestAborted.IsCancellationRequested);
    }

    private static JsonObject DockerStats(
        ContainerStatsSample sample, ContainerStatsSample? previous, JsonNode inspect, string idKey)
    {
        var now = DateTimeOffset.UtcNow;
        return new JsonObject
        {
            ["read"] = now.ToString("O"),
            ["preread"] = (previous is null ? DateTimeOffset.UnixEpoch : now.AddSeconds(-1)).ToString("O"),
            ["pids_stats"] = new JsonObject { ["current"] = sample.Pids },
            ["blkio_stats"] = new JsonObject
            {
                ["io_service_bytes_recursive"] = new JsonArray(
                    Blkio("read", sample.BlockInput), Blkio("write", sample.BlockOutput)),
            },
            ["num_procs"] = 0,
            ["storage_stats"] = new JsonObject(),
            ["cpu_stats"] = Cpu(sample, inspect),
            ["precpu_stats"] = previous is null ? Cpu(null, inspect) : Cpu(previous, inspect),
            ["memory_stats"] = new JsonObject
            {
                ["usage"] = sample.MemoryUsage, ["max_usage"] = sample.MemoryUsage,
                ["limit"] = sample.MemoryLimit, ["stats"] = new JsonObject(),
            },
            ["name"] = sample.Name,
            [idKey] = sample.Id,
            ["networks"] = Networks(sample, inspect),
        };
    }

    private static JsonObject Blkio(string op, ulong bytes) =>
        new() { ["major"] = 0, ["minor"] = 0, ["op"] = op, ["value"] = bytes };

    private static JsonObject Cpu(ContainerStatsSample? sample, JsonNode inspect) => new()
    {
        ["cpu_usage"] = new JsonObject
        {
            ["total_usage"] = sample?.CpuNanos ?? 0,
            ["usage_in_kernelmode"] = 0,
            ["usage_in_usermode"] = sample?.CpuNanos ?? 0,
        },
        ["system_cpu_usage"] = sample?.SystemNanos ?? 0,
        ["online_cpus"] = OnlineCpus(inspect),
        ["cpu"] = sample?.CpuPercent ?? 0,
        ["throttling_data"] = new JsonObject
        {
            ["periods"] = 0, ["throttled_periods"] = 0, ["throttled_time"] = 0,
        },
    };

    /// <summary>The CPUs the container may run on: its cpuset's size, else the host's.</summary>
    private static int OnlineCpus(JsonNode inspect)
    {
        var cpuset = inspect["HostConfig"]?["CpusetCpus"]?.ToString() ?? "";
        if (cpuset.Length == 0)
        {
            return Environment.ProcessorCount;
        }

        return cpuset.Split(',').Sum(part => part.Split('-') is [var from, var to]
            && int.TryParse(from, out var a) && int.TryParse(to, out var b) ? b - a + 1 : 1);
    }

    /// <summary>One interface per network the container joined (eth0, eth1 ...), traffic on the first.</summary>
    private static JsonObject Networks(ContainerStatsSample sample, JsonNode inspect)
    {
        var count = (inspect["NetworkSettings"]?["Networks"] as JsonObject)?.Count ?? 0;
        var networks = new JsonObject();
        for (var i = 0; i < count; i++)
        {
            networks["eth" + i] = new JsonObject
            {
                ["rx_bytes"] = i == 0 ? sample.NetInput : 0, ["rx_packets"] = 0, ["rx_errors"] = 0,
                ["rx_dropped"] = 0, ["tx_bytes"] = i == 0 ? sample.NetOutput : 0, ["tx_packets"] = 0,
                ["tx_errors"] = 0, ["tx_dropped"] = 0,
            };
        }

        return networks;
    }
}
