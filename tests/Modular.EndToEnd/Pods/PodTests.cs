using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Modular.EndToEnd.Networks;
using Xunit;

namespace Modular.EndToEnd.Pods;

/// <summary>
/// Issue 6's pod checks: members reach each other on localhost, the pod's published port
/// answers on 127.0.0.1, members share the infra's net, ipc and uts namespaces, and
/// <c>pod rm -f</c> leaves no process, mount or namespace. Every test removes its pod.
/// </summary>
public sealed class PodTests(PodFixture fixture) : IClassFixture<PodFixture>
{
    private const string Image = ModpodFixture.Busybox;

    private ModpodFixture Modpod => fixture.Modpod;

    [Fact]
    public async Task Two_containers_in_one_pod_talk_over_localhost()
    {
        var pod = Unique("talk");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "create", "--name", pod));
            ModpodAssert.Exit(0, await Modpod.RunAsync(
                "run", "-d", "--pod", pod, Image, "sh", "-c", Httpd("over-localhost", 8080)));

            var fetched = await FetchInPodAsync(pod, "http://127.0.0.1:8080/index.html");

            ModpodAssert.Exit(0, fetched);
            Assert.Equal("over-localhost", fetched.Output);
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task The_pods_published_port_answers_on_loopback()
    {
        var pod = Unique("pub");
        var port = Loopback.FreePort();
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "create", "--name", pod, "-p", $"127.0.0.1:{port}:80"));
            ModpodAssert.Exit(0, await Modpod.RunAsync("run", "-d", "--pod", pod, Image, "sh", "-c", Httpd("from-pod", 80)));

            var body = await Loopback.GetAsync(port, "index.html");
            var inspect = JsonNode.Parse((await Modpod.RunAsync("pod", "inspect", pod)).Output)!.AsArray()[0]!;

            Assert.Equal("from-pod\n", body);
            Assert.Equal($"{port}", (string?)inspect["InfraConfig"]!["PortBindings"]!["80/tcp"]![0]!["HostPort"]);
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task Members_share_the_infras_net_ipc_and_uts_namespaces_and_see_the_pods_hostname()
    {
        var pod = Unique("ns");
        try
        {
            await Modpod.RunAsync("pod", "create", "--name", pod);
            var member = (await Modpod.RunAsync("run", "-d", "--pod", pod, Image, "sleep", "300")).Output;
            var infra = JsonNode.Parse((await Modpod.RunAsync("pod", "inspect", pod)).Output)![0]!["InfraContainerID"]!.ToString();
            var hostname = await Modpod.RunAsync("run", "--rm", "--pod", pod, Image, "hostname");

            var (infraPid, memberPid) = (await PidAsync(infra), await PidAsync(member));

            foreach (var kind in new[] { "net", "ipc", "uts" })
            {
                Assert.Equal(Namespace(infraPid, kind), Namespace(memberPid, kind));
            }

            Assert.NotEqual(Namespace(infraPid, "pid"), Namespace(memberPid, "pid"));
            Assert.Equal(pod, hostname.Output);
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task Pod_rm_force_leaves_no_process_mount_or_namespace()
    {
        var pod = Unique("gone");
        await Modpod.RunAsync("pod", "create", "--name", pod, "-p", $"127.0.0.1:{Loopback.FreePort()}:80");
        var member = (await Modpod.RunAsync("run", "-d", "--pod", pod, Image, "sleep", "300")).Output;
        var infra = JsonNode.Parse((await Modpod.RunAsync("pod", "inspect", pod)).Output)![0]!["InfraContainerID"]!.ToString();
        var pids = new[] { await PidAsync(infra), await PidAsync(member) };
        var namespaces = NetnsFiles();
        Assert.NotEmpty(namespaces);

        var removed = await Modpod.RunAsync("pod", "rm", "-f", "-t", "0", pod);

        ModpodAssert.Exit(0, removed);
        Assert.All(pids, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"process {pid} is still alive"));
        var mounts = File.ReadAllText("/proc/self/mountinfo");
        Assert.DoesNotContain(infra, mounts);
        Assert.DoesNotContain(member, mounts);
        Assert.Empty(NetnsFiles().Intersect(namespaces));
        ModpodAssert.Exit(1, await Modpod.RunAsync("pod", "exists", pod));
        Assert.False(await Modpod.ContainerExistsAsync(infra));
        Assert.False(await Modpod.ContainerExistsAsync(member));
    }

    [Fact]
    public async Task Pod_lifecycle_moves_the_pod_status_and_prints_the_pod_id()
    {
        var pod = Unique("life");
        try
        {
            var id = (await Modpod.RunAsync("pod", "create", "--name", pod)).Output;
            await Modpod.RunAsync("create", "--pod", pod, Image, "sleep", "300");
            var created = await StatusAsync(pod);
            var started = await Modpod.RunAsync("pod", "start", pod);
            var running = await StatusAsync(pod);
            var stopped = await Modpod.RunAsync("pod", "stop", "-t", "0", pod);
            var exited = await StatusAsync(pod);

            Assert.Equal("Created", created);
            Assert.Equal(id, started.Output);
            Assert.Equal("Running", running);
            Assert.Equal(id, stopped.Output);
            Assert.Equal("Exited", exited);
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task Exit_policy_stop_stops_the_infra_when_the_last_member_exits()
    {
        var pod = Unique("policy");
        try
        {
            await Modpod.RunAsync("pod", "create", "--name", pod, "--exit-policy", "stop");
            ModpodAssert.Exit(0, await Modpod.RunAsync("run", "--rm", "--pod", pod, Image, "true"));

            var status = "";
            for (var attempt = 0; attempt < 40 && status != "Exited"; attempt++)
            {
                await Task.Delay(250);
                status = await StatusAsync(pod);
            }

            Assert.Equal("Exited", status);
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task The_infra_cannot_be_removed_while_its_pod_exists()
    {
        var pod = Unique("guard");
        try
        {
            await Modpod.RunAsync("pod", "create", "--name", pod, "--infra-name", pod + "-inf");

            var removed = await Modpod.RunAsync("rm", "-f", pod + "-inf");

            ModpodAssert.Exit(125, removed);
            Assert.Contains("cannot be removed without removing the pod", removed.StandardError);
            Assert.True(await Modpod.ContainerExistsAsync(pod + "-inf"));
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task Pod_logs_names_each_members_lines_and_pod_top_lists_every_container()
    {
        var pod = Unique("logs");
        try
        {
            await Modpod.RunAsync("pod", "create", "--name", pod);
            await Modpod.RunAsync("run", "-d", "--pod", pod, "--name", pod + "-a", Image, "sh", "-c", "echo from-a; exec sleep 300");
            await Modpod.RunAsync("run", "-d", "--pod", pod, "--name", pod + "-b", Image, "sh", "-c", "echo from-b; exec sleep 300");
            await Task.Delay(500);

            var logs = await Modpod.RunAsync("pod", "logs", "--names", pod);
            var top = await Modpod.RunAsync("pod", "top", pod);

            Assert.Contains($"{pod}-a from-a", logs.Lines);
            Assert.Contains($"{pod}-b from-b", logs.Lines);
            Assert.Equal(["USER", "PID", "PPID", "%CPU", "ELAPSED", "TTY", "TIME", "COMMAND"],
                top.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Single(top.Lines, line => line.Contains("/catatonit -P", StringComparison.Ordinal));
            Assert.Equal(2, top.Lines.Count(line => line.Contains("sleep 300", StringComparison.Ordinal)));
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task Pod_errors_use_podmans_words_and_exit_codes()
    {
        var pod = Unique("err");
        try
        {
            await Modpod.RunAsync("pod", "create", "--name", pod);

            var duplicate = await Modpod.RunAsync("pod", "create", "--name", pod);
            var ports = await Modpod.RunAsync("run", "--rm", "--pod", pod, "-p", "8080:80", Image, "true");
            var missing = await Modpod.RunAsync("pod", "rm", "no-such-pod");
            var share = await Modpod.RunAsync("pod", "create", "--share", "bogus");
            var policy = await Modpod.RunAsync("pod", "create", "--exit-policy", "bad");

            ModpodAssert.Exit(125, duplicate);
            Assert.Equal($"Error: adding pod to state: name \"{pod}\" is in use: pod already exists", duplicate.StandardError.Trim());
            ModpodAssert.Exit(125, ports);
            Assert.Contains("published or exposed ports must be defined when the pod is created", ports.StandardError);
            ModpodAssert.Exit(1, missing);
            Assert.Equal("Error: no pod with name or ID no-such-pod found: no such pod", missing.StandardError.Trim());
            ModpodAssert.Exit(125, share);
            Assert.StartsWith("Error: invalid kernel namespace to share: bogus.", share.StandardError.Trim());
            ModpodAssert.Exit(125, policy);
            Assert.Equal("Error: running pod create option: invalid pod exit policy: \"bad\"", policy.StandardError.Trim());
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    private async Task<string> StatusAsync(string pod) =>
        (await Modpod.RunAsync("pod", "inspect", "--format", "{{.State}}", pod)).Output;

    private async Task<ModpodResult> FetchInPodAsync(string pod, string url)
    {
        ModpodResult result = null!;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            result = await Modpod.RunAsync("run", "--rm", "--pod", pod, Image, "wget", "-qO-", url);
            if (result.ExitCode == 0)
            {
                break;
            }

            await Task.Delay(250);
        }

        return result;
    }

    private async Task<int> PidAsync(string container) =>
        int.Parse((await Modpod.RunAsync("inspect", "--format", "{{.State.Pid}}", container)).Output,
            System.Globalization.CultureInfo.InvariantCulture);

    private static string? Namespace(int pid, string kind) => new FileInfo($"/proc/{pid}/ns/{kind}").LinkTarget;

    private string[] NetnsFiles()
    {
        var directory = Path.Combine(Modpod.RunRoot, "netns");
        return Directory.Exists(directory) ? Directory.GetFiles(directory) : [];
    }

    private static string Httpd(string body, int port) =>
        $"mkdir -p /www && echo {body} > /www/index.html && exec httpd -f -p {port} -h /www";

    private string Unique(string stem) => $"{stem}-{fixture.BridgePrefix}-{Guid.NewGuid().ToString("N")[..6]}";

    private Task<ModpodResult> RemovePodAsync(string pod) =>
        Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", pod);
}
