using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;

namespace Modular.EndToEnd.Limits;

/// <summary>
/// Reads a running container's cgroup files from the host, through /proc/PID/cgroup of its
/// main process, so the tests check what the kernel enforces, not what modpod recorded.
/// </summary>
internal sealed class CgroupProbe(int pid)
{
    public static async Task<CgroupProbe> OfAsync(ModpodFixture modpod, string name)
    {
        var pid = (await modpod.RunAsync("inspect", "--format", "{{.State.Pid}}", name)).Output;
        return new CgroupProbe(int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture));
    }

    public static bool IsUnified => File.Exists("/sys/fs/cgroup/cgroup.controllers");

    /// <summary>The trimmed first line of the file: v1 name, or v2 name on a unified host.</summary>
    public string Read(string v1Controller, string v1File, string v2File)
    {
        var directory = Directory(IsUnified ? "" : v1Controller);
        return File.ReadAllLines(Path.Combine(directory, IsUnified ? v2File : v1File))[0].Trim();
    }

    public string Directory(string controller)
    {
        foreach (var parts in File.ReadAllLines($"/proc/{pid}/cgroup").Select(l => l.Split(':', 3)))
        {
            if (controller.Length == 0 && parts[0] == "0")
            {
                return "/sys/fs/cgroup" + parts[2];
            }

            if (controller.Length > 0 && parts[1].Split(',').Contains(controller))
            {
                return $"/sys/fs/cgroup/{controller}{parts[2]}";
            }
        }

        throw new InvalidOperationException($"no {controller} cgroup for pid {pid}");
    }

    public static async Task<JsonObject> HostConfigAsync(ModpodFixture modpod, string name)
    {
        var json = (await modpod.RunAsync("inspect", "--format", "{{json .HostConfig}}", name)).Output;
        return (JsonObject)JsonNode.Parse(json)!;
    }
}
