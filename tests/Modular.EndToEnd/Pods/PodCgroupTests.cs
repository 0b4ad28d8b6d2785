using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Pods;

/// <summary>
/// Issue 6: with cgroupfs a pod has its own cgroup, PARENT/POD_ID as Podman names it; the
/// infra, the members and their conmon live under it, and <c>pod rm</c> removes it from
/// every v1 hierarchy. Checked from the host, through /proc/PID/cgroup.
/// </summary>
public sealed class PodCgroupTests(PodFixture fixture) : IClassFixture<PodFixture>
{
    private const string Image = ModpodFixture.Busybox;

    private ModpodFixture Modpod => fixture.Modpod;

    [Fact]
    public async Task Every_container_of_a_pod_and_its_conmon_live_under_the_pods_cgroup_until_pod_rm()
    {
        if (Limits.CgroupProbe.IsUnified)
        {
            return; // The paths are read from the v1 memory hierarchy.
        }

        var pod = Unique("tree");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "create", "--name", pod, "--network", "none"));
            ModpodAssert.Exit(0, await Modpod.RunAsync("run", "-d", "--pod", pod, "--name", pod + "-m", Image, "sleep", "300"));
            var inspect = await InspectPodAsync(pod);
            var id = (string)inspect["Id"]!;
            var cgroup = $"/modular_parent/{id}";

            Assert.Equal("/modular_parent", (string?)inspect["CgroupParent"]);
            Assert.Equal(cgroup, (string?)inspect["CgroupPath"]);
            Assert.Equal($"{cgroup}/modular-{await IdAsync(pod + "-m")}", CgroupOf(await PidAsync(pod + "-m")));
            Assert.Equal($"{cgroup}/modular-{inspect["InfraContainerID"]}", CgroupOf(await PidAsync((string)inspect["InfraContainerID"]!)));
            Assert.Equal($"{cgroup}/conmon", CgroupOf(await PidAsync(pod + "-m", "ConmonPid")));
            Assert.Equal(cgroup, (string?)(await HostConfigAsync(pod + "-m"))["CgroupParent"]);

            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "rm", "-f", "-t", "0", pod));

            Assert.DoesNotContain(Hierarchies(), h => Directory.Exists(h + cgroup));
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task Pod_create_cgroup_parent_puts_the_pods_cgroup_under_it()
    {
        if (Limits.CgroupProbe.IsUnified)
        {
            return; // The paths are read from the v1 memory hierarchy.
        }

        var pod = Unique("parent");
        var parent = "/" + Unique("six3-parent");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync(
                "pod", "create", "--name", pod, "--network", "none", "--cgroup-parent", parent));
            ModpodAssert.Exit(0, await Modpod.RunAsync("run", "-d", "--pod", pod, "--name", pod + "-m", Image, "sleep", "300"));
            var inspect = await InspectPodAsync(pod);

            Assert.Equal(parent, (string?)inspect["CgroupParent"]);
            Assert.Equal($"{parent}/{inspect["Id"]}", (string?)inspect["CgroupPath"]);
            Assert.StartsWith($"{parent}/{inspect["Id"]}/modular-", CgroupOf(await PidAsync(pod + "-m")));

            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "rm", "-f", "-t", "0", pod));

            Assert.DoesNotContain(Hierarchies(), h => Directory.Exists($"{h}{parent}/{inspect["Id"]}"));
        }
        finally
        {
            await RemovePodAsync(pod);
            foreach (var directory in Hierarchies().Select(h => h + parent).Where(Directory.Exists))
            {
                Directory.Delete(directory);
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Pod_memory_limit_is_on_the_pods_cgroup_which_pod_stop_removes_and_start_rebuilds(bool infra)
    {
        if (Limits.CgroupProbe.IsUnified)
        {
            return; // The limit is read from the v1 memory hierarchy.
        }

        var pod = Unique("limit");
        try
        {
            string[] network = infra ? ["--network", "none"] : [];
            ModpodAssert.Exit(0, await Modpod.RunAsync(
                ["pod", "create", "--name", pod, .. network, $"--infra={infra}", "--memory=256M"]));
            ModpodAssert.Exit(0, await Modpod.RunAsync("run", "-d", "--pod", pod, Image, "sleep", "300"));
            var cgroup = "/sys/fs/cgroup/memory" + (await Modpod.RunAsync("pod", "inspect", "--format", "{{.CgroupPath}}", pod)).Output;

            Assert.Equal("268435456", File.ReadAllText(Path.Combine(cgroup, "memory.limit_in_bytes")).Trim());
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "stop", "-t", "0", pod));
            Assert.False(Directory.Exists(cgroup));
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "start", pod));
            Assert.Equal("268435456", File.ReadAllText(Path.Combine(cgroup, "memory.limit_in_bytes")).Trim());

            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "rm", "-f", "-t", "0", pod));
            Assert.False(Directory.Exists(cgroup));
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task A_slice_as_a_pods_cgroup_parent_is_refused_with_cgroupfs()
    {
        var pod = Unique("slice");

        var result = await Modpod.RunAsync("pod", "create", "--name", pod, "--cgroup-parent", "user.slice");

        ModpodAssert.Exit(125, result);
        Assert.Equal("Error: systemd slice received as cgroup parent when using cgroupfs: invalid argument",
            Assert.Single(result.ErrorLines));
        ModpodAssert.Exit(1, await Modpod.RunAsync("pod", "exists", pod));
    }

    // Every v1 hierarchy, the named systemd one included (modpod makes the pod's cgroup in
    // each); the hybrid host's cgroup2 mount is not one of them.
    private static IEnumerable<string> Hierarchies() =>
        Directory.GetDirectories("/sys/fs/cgroup").Where(h => Path.GetFileName(h) != "unified");

    // The memory hierarchy's path of a process, as /proc/PID/cgroup gives it on v1.
    private static string CgroupOf(int pid) =>
        File.ReadAllLines($"/proc/{pid}/cgroup").Select(l => l.Split(':', 3))
            .First(parts => parts[1].Split(',').Contains("memory"))[2];

    private async Task<int> PidAsync(string container, string field = "Pid") =>
        int.Parse((await Modpod.RunAsync("inspect", "--format", $"{{{{.State.{field}}}}}", container)).Output,
            System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> IdAsync(string container) =>
        (await Modpod.RunAsync("inspect", "--format", "{{.Id}}", container)).Output;

    private async Task<JsonObject> HostConfigAsync(string container) =>
        (JsonObject)JsonNode.Parse((await Modpod.RunAsync("inspect", "--format", "{{json .HostConfig}}", container)).Output)!;

    private async Task<JsonObject> InspectPodAsync(string pod) =>
        (JsonObject)JsonNode.Parse((await Modpod.RunAsync("pod", "inspect", pod)).Output)!.AsArray()[0]!;

    private static string Unique(string stem) => $"pcg-{stem}-{Guid.NewGuid().ToString("N")[..6]}";

    private Task<ModpodResult> RemovePodAsync(string pod) =>
        Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", pod);
}
