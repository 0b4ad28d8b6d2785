using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Cli.Commands;
using Modular.Cli.Hosting;

namespace Modular.Api.Compat;

/// <summary>GET /info: Docker's system info from the engine's counts and the host.</summary>
public static class CompatInfoRoutes
{
    public static void Map(WebApplication app) => app.MapGet("/info", InfoAsync);

    private static async Task<IResult> InfoAsync(HttpContext http, CliContext cli)
    {
        var token = http.RequestAborted;
        var containers = await cli.Containers.ListAsync(true, token);
        var images = await cli.Images.ListAsync(false, token);
        int Count(string state) => containers.Count(c => Compat.DockerState.Of(c.State) == state);
        var kernel = File.Exists("/proc/sys/kernel/osrelease")
            ? (await File.ReadAllTextAsync("/proc/sys/kernel/osrelease", token)).Trim() : "";
        var memTotal = MemTotal();
        return Results.Json(new Dictionary<string, object?>
        {
            ["ID"] = Environment.MachineName,
            ["Containers"] = containers.Count,
            ["ContainersRunning"] = Count("running"),
            ["ContainersPaused"] = Count("paused"),
            ["ContainersStopped"] = containers.Count - Count("running") - Count("paused"),
            ["Images"] = images.Count,
            ["Driver"] = cli.Flags.StorageDriver ?? "overlay",
            ["DriverStatus"] = Array.Empty<string[]>(),
            ["DockerRootDir"] = cli.Flags.Root ?? "/var/lib/modular",
            ["Plugins"] = new Dictionary<string, object?>
            {
                ["Volume"] = new[] { "local" },
                ["Network"] = new[] { "bridge", "macvlan", "ipvlan" },
                ["Log"] = new[] { "k8s-file", "none", "passthrough" },
            },
            ["MemoryLimit"] = true,
            ["SwapLimit"] = true,
            ["CpuCfsPeriod"] = true,
            ["CpuCfsQuota"] = true,
            ["CPUShares"] = true,
            ["CPUSet"] = true,
            ["PidsLimit"] = true,
            ["IPv4Forwarding"] = true,
            ["Debug"] = false,
            ["NFd"] = 0,
            ["NGoroutines"] = 0,
            ["SystemTime"] = DateTimeOffset.Now.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz"),
            ["LoggingDriver"] = "k8s-file",
            ["CgroupDriver"] = "cgroupfs",
            ["CgroupVersion"] = Directory.Exists("/sys/fs/cgroup/memory") ? "1" : "2",
            ["NEventsListener"] = 0,
            ["KernelVersion"] = kernel,
            ["OperatingSystem"] = OperatingSystemName(),
            ["OSVersion"] = "",
            ["OSType"] = "linux",
            ["Architecture"] = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture
                == System.Runtime.InteropServices.Architecture.X64 ? "x86_64" : CompatSystemRoutes.Arch(),
            ["IndexServerAddress"] = "https://index.docker.io/v1/",
            ["RegistryConfig"] = new Dictionary<string, object?>
            {
                ["IndexConfigs"] = new Dictionary<string, object?>(),
                ["InsecureRegistryCIDRs"] = Array.Empty<string>(),
                ["Mirrors"] = Array.Empty<string>(),
            },
            ["NCPU"] = Environment.ProcessorCount,
            ["MemTotal"] = memTotal,
            ["Name"] = Environment.MachineName,
            ["Labels"] = Array.Empty<string>(),
            ["ExperimentalBuild"] = true,
            ["ServerVersion"] = SystemCommands.ProductVersion,
            ["Runtimes"] = new Dictionary<string, object?> { ["crun"] = new Dictionary<string, string> { ["path"] = "crun" }, ["runc"] = new Dictionary<string, string> { ["path"] = "runc" } },
            ["DefaultRuntime"] = cli.Flags.Runtime ?? "crun",
            ["Swarm"] = new Dictionary<string, object?> { ["LocalNodeState"] = "inactive", ["NodeID"] = "", ["NodeAddr"] = "" },
            ["LiveRestoreEnabled"] = false,
            ["Isolation"] = "",
            ["InitBinary"] = "",
            ["SecurityOptions"] = new[] { "name=seccomp,profile=default" },
            ["Warnings"] = Array.Empty<string>(),
        });
    }

    private static long MemTotal()
    {
        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return long.TryParse(kb, out var value) ? value * 1024 : 0;
    }

    private static string OperatingSystemName()
    {
        var pretty = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
            : null;
        return pretty?["PRETTY_NAME=".Length..].Trim('"') ?? "linux";
    }
}
