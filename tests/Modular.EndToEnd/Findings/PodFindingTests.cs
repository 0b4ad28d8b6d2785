using Modular.EndToEnd.Fixtures;
using Modular.EndToEnd.Pods;
using Xunit;

namespace Modular.EndToEnd.Findings;

/// <summary>
/// Issue 6 tester findings 3, 4, 5, 11, 17 and 21: a member keeps the namespaces it names,
/// a hostname in the pod's UTS namespace is refused, and pod create checks its flags with
/// Podman's words. The pods' default network is this fixture's own bridge.
/// </summary>
public sealed class PodFindingTests(PodFixture fixture) : IClassFixture<PodFixture>
{
    private const string Image = ModpodFixture.Busybox;

    private ModpodFixture Modpod => fixture.Modpod;

    [Fact]
    public async Task A_hostname_in_the_pods_uts_namespace_is_refused_and_nothing_is_created()
    {
        var pod = Unique("uts");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "create", "--name", pod));
            var before = await Modpod.RunAsync("ps", "-a", "-q", "--no-trunc");

            var joined = await Modpod.RunAsync("run", "--rm", "--pod", pod, "--hostname", "x", Image, "hostname");
            var host = await Modpod.RunAsync("create", "--network", "none", "--uts", "host", "--hostname", "x", Image);
            var own = await Modpod.RunAsync("run", "--rm", "--pod", pod, "--uts", "private", "--hostname", "mine",
                Image, "hostname");

            ModpodAssert.Exit(125, joined);
            Assert.Equal(
                "Error: invalid config provided: cannot set hostname when joining the pod UTS namespace: invalid configuration",
                Assert.Single(joined.ErrorLines));
            ModpodAssert.Exit(125, host);
            Assert.Equal(
                "Error: invalid config provided: cannot set hostname when running in the host UTS namespace: invalid configuration",
                Assert.Single(host.ErrorLines));
            Assert.Equal(before.Output, (await Modpod.RunAsync("ps", "-a", "-q", "--no-trunc")).Output);
            ModpodAssert.Exit(0, own);
            Assert.Equal("mine", own.Output);
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task Explicit_namespace_flags_on_a_member_are_kept()
    {
        var pod = Unique("ns");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "create", "--name", pod));
            var inPod = await NamespacesAsync(pod);
            var own = await NamespacesAsync(pod, "--ipc", "private", "--uts", "private", "--network", "none");
            var host = await NamespacesAsync(pod, "--ipc", "host", "--uts", "host");
            var hostIpc = Link("/proc/self/ns/ipc");

            Assert.NotEqual(inPod["ipc"], own["ipc"]);
            Assert.NotEqual(inPod["uts"], own["uts"]);
            Assert.NotEqual(inPod["net"], own["net"]);
            Assert.Equal(hostIpc, host["ipc"]);
            Assert.Equal(Link("/proc/self/ns/uts"), host["uts"]);
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Theory]
    [InlineData(new[] { "--network", "none" }, "Error: NoInfra and network modes cannot be used together")]
    [InlineData(new[] { "--share", "net" }, "Error: cannot set share(net) namespaces without an infra container")]
    [InlineData(new[] { "--infra-name", "i" }, "Error: cannot set infra-name without an infra container")]
    [InlineData(new[] { "--no-hosts" }, "Error: cannot specify --no-hosts without an infra container")]
    [InlineData(new[] { "-p", "8080:80" }, "Error: you must have an infra container to publish port bindings to the host")]
    public async Task Infra_only_options_without_an_infra_fail_with_podmans_text(string[] flags, string message)
    {
        var name = Unique("noinfra");

        var result = await Modpod.RunAsync(["pod", "create", "--infra=false", "--name", name, .. flags]);

        ModpodAssert.Exit(125, result);
        Assert.Equal(message, Assert.Single(result.ErrorLines));
        ModpodAssert.Exit(1, await Modpod.RunAsync("pod", "exists", name));
    }

    [Theory]
    [InlineData(new[] { "--name", "n1", "n2" }, "Error: cannot specify --name and NAME at the same time")]
    [InlineData(new[] { "--label", "=x" }, "Error: unable to process labels: invalid label format: \"=x\"")]
    [InlineData(new[] { "bad name" },
        "Error: running pod create option: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument")]
    public async Task Bad_pod_create_input_fails_with_podmans_text(string[] flags, string message)
    {
        var before = await Modpod.RunAsync("pod", "ps", "-q", "--no-trunc");

        var result = await Modpod.RunAsync(["pod", "create", .. flags]);

        ModpodAssert.Exit(125, result);
        Assert.Equal(message, Assert.Single(result.ErrorLines));
        Assert.Equal(before.Output, (await Modpod.RunAsync("pod", "ps", "-q", "--no-trunc")).Output);
    }

    [Fact]
    public async Task Infra_command_is_split_into_words_and_no_hosts_reaches_the_members()
    {
        var pod = Unique("cmd");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "create", "--name", pod, "--no-hosts", "--share", "+pid",
                "--infra-image", Image, "--infra-command", "sleep 1000"));
            var member = await Modpod.RunAsync("run", "--rm", "--pod", pod, Image, "sh", "-c",
                "grep -c ' /etc/hosts ' /proc/self/mountinfo; ps -o args | grep -c '^sleep 1000'");

            ModpodAssert.Exit(0, member);
            Assert.Equal(["0", "1"], member.Lines);
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    private async Task<Dictionary<string, string>> NamespacesAsync(string pod, params string[] flags)
    {
        var result = await Modpod.RunAsync(["run", "--rm", "--pod", pod, .. flags, Image, "sh", "-c",
            "for n in ipc uts net; do echo $n=$(readlink /proc/self/ns/$n); done"]);
        ModpodAssert.Exit(0, result);
        return result.Lines.Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
    }

    private static string Link(string path) => new FileInfo(path).LinkTarget!;

    private string Unique(string stem) => $"{stem}-{fixture.BridgePrefix}-{Guid.NewGuid().ToString("N")[..6]}";

    private Task<ModpodResult> RemovePodAsync(string pod) =>
        Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", pod);
}
