using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Pods;

/// <summary>
/// What Podman's 200-pod and 055-rm system tests expect of removal and pod create: a running
/// infra does not hold pod rm back, busy members are listed one Error line each, rm --depend
/// takes dependents (and an infra its pod), pod create --replace and --restart, pod ps's
/// id filters. Every pod here has no network (--network none) and is removed.
/// </summary>
public sealed class PodRemovalCompatTests(PodFixture fixture) : IClassFixture<PodFixture>
{
    private const string Image = ModpodFixture.Busybox;

    private ModpodFixture Modpod => fixture.Modpod;

    [Fact]
    public async Task Pod_rm_removes_a_pod_whose_only_running_container_is_its_infra()
    {
        var pod = Unique("infra-only");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "create", "--network", "none", "--name", pod));
            ModpodAssert.Exit(0, await Modpod.RunAsync("run", "--rm", "--pod", pod, Image, "true"));

            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "rm", pod));
            Assert.Equal(1, (await Modpod.RunAsync("pod", "exists", pod)).ExitCode);
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task Pod_rm_with_running_members_prints_one_error_line_per_member()
    {
        var pod = Unique("busy");
        try
        {
            var id = (await Modpod.RunAsync("pod", "create", "--network", "none", "--name", pod)).Output;
            ModpodAssert.Exit(0, await Modpod.RunAsync("run", "-d", "--pod", pod, Image, "sleep", "300"));
            ModpodAssert.Exit(0, await Modpod.RunAsync("run", "-d", "--pod", pod, Image, "sleep", "300"));

            var removed = await Modpod.RunAsync("pod", "rm", pod);

            Assert.Equal(125, removed.ExitCode);
            Assert.Equal(3, removed.ErrorLines.Count);
            Assert.Equal(
                $"Error: not all containers could be removed from pod {id}: removing pod containers",
                removed.ErrorLines[0]);
            Assert.All(removed.ErrorLines.Skip(1), line => Assert.Matches(
                "^Error: cannot remove container [0-9a-f]{64} as it is running - running or paused containers "
                + "cannot be removed without force: container state improper$", line));
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task Rm_refuses_a_container_others_join_and_depend_removes_them_first()
    {
        var first = (await Modpod.RunAsync("create", "--network", "none", Image, "true")).Output;
        var joined = (await Modpod.RunAsync("create", "--ipc", $"container:{first}", Image, "true")).Output;
        try
        {
            var refused = await Modpod.RunAsync("rm", first);
            var removed = await Modpod.RunAsync("rm", "--depend", first);

            Assert.Equal(125, refused.ExitCode);
            Assert.StartsWith(
                $"Error: container {first} has dependent containers which must be removed before it: {joined}",
                refused.StandardError);
            ModpodAssert.Exit(0, removed);
            Assert.Equal([joined, first], removed.Lines);
        }
        finally
        {
            await Modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", joined, first);
        }
    }

    [Fact]
    public async Task Rm_depend_on_an_infra_removes_its_pod()
    {
        var pod = Unique("depend");
        try
        {
            var member = (await Modpod.RunAsync("create", "--pod", $"new:{pod}", Image, "true")).Output;
            var infra = (await Modpod.RunAsync("pod", "inspect", "--format", "{{.InfraContainerID}}", pod)).Output;

            var refused = await Modpod.RunAsync("rm", "--force", infra);
            var removed = await Modpod.RunAsync("rm", "--depend", infra);

            Assert.Equal(125, refused.ExitCode);
            Assert.EndsWith("and cannot be removed without removing the pod", refused.StandardError.Trim());
            ModpodAssert.Exit(0, removed);
            Assert.Contains(member, removed.Lines);
            Assert.Contains(infra, removed.Lines);
            Assert.Equal(1, (await Modpod.RunAsync("pod", "exists", pod)).ExitCode);
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task Pod_create_replace_and_restart_reach_the_members()
    {
        var pod = Unique("restart");
        var member = Unique("member");
        try
        {
            var old = (await Modpod.RunAsync("pod", "create", "--network", "none", "--name", pod)).Output;
            var replaced = await Modpod.RunAsync(
                "pod", "create", "--network", "none", "--replace", "--restart", "on-failure", "--name", pod);
            ModpodAssert.Exit(0, await Modpod.RunAsync("create", "--name", member, "--pod", pod, Image));
            var inherited = await PolicyAsync(member);
            ModpodAssert.Exit(0, await Modpod.RunAsync(
                "create", "--replace", "--restart", "always", "--name", member, "--pod", pod, Image));

            ModpodAssert.Exit(0, replaced);
            Assert.NotEqual(old, replaced.Output);
            Assert.Equal("on-failure", inherited);
            Assert.Equal("always", await PolicyAsync(member));
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task Pod_ps_truncates_Id_and_filters_ids_by_prefix_or_regex()
    {
        var pod = Unique("filter");
        try
        {
            var id = (await Modpod.RunAsync("pod", "create", "--infra=false", "--name", pod)).Output;
            var member = (await Modpod.RunAsync("create", "--pod", pod, Image, "true")).Output;

            var byPrefix = await Modpod.RunAsync("pod", "ps", "--filter", $"id={id[..10]}", "--format", "{{.Name}}:{{.Id}}");
            var byRegex = await Modpod.RunAsync("pod", "ps", "--filter", $"ctr-ids=^{member[..2]}.*", "--format", "{{.Name}}");

            Assert.Equal($"{pod}:{id[..12]}", byPrefix.Output);
            Assert.Contains(pod, byRegex.Lines);
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task Container_inspect_of_a_missing_container_says_no_such_container()
    {
        var missing = Unique("gone");

        var inspected = await Modpod.RunAsync("container", "inspect", missing);

        Assert.Equal(125, inspected.ExitCode);
        Assert.Contains($"Error: no such container \"{missing}\"", inspected.StandardError);
    }

    private async Task<string> PolicyAsync(string container) =>
        (await Modpod.RunAsync("container", "inspect", "--format", "{{ .HostConfig.RestartPolicy.Name }}", container)).Output;

    private string Unique(string stem) => $"{stem}-{fixture.BridgePrefix}-{Guid.NewGuid().ToString("N")[..6]}";

    private Task<ModpodResult> RemovePodAsync(string pod) =>
        Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", pod);
}
