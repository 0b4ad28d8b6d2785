using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Pods;

/// <summary>
/// Issue 6 defects: pods and containers share one name space, and <c>pod rm</c> of a pod
/// with a running member exits 2 (in use) as Podman's EXIT STATUS says.
/// </summary>
public sealed class PodNameSpaceTests(PodFixture fixture) : IClassFixture<PodFixture>
{
    private const string Image = ModpodFixture.Busybox;

    private ModpodFixture Modpod => fixture.Modpod;

    [Fact]
    public async Task Pod_rm_of_a_pod_with_a_running_container_exits_125_and_keeps_the_pod()
    {
        var pod = Unique("rm2");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "create", "--name", pod));
            ModpodAssert.Exit(0, await Modpod.RunAsync("run", "-d", "--pod", pod, Image, "sleep", "300"));

            var removed = await Modpod.RunAsync("pod", "rm", pod);

            // Podman 5's three-part answer (200-pod.bats "pod top - containers in different
            // PID namespaces"): exit 125, then one line per running member.
            ModpodAssert.Exit(125, removed);
            Assert.Matches("^Error: not all containers could be removed from pod [0-9a-f]{64}: removing pod containers",
                removed.ErrorLines[0]);
            Assert.Matches("cannot remove container [0-9a-f]{64} as it is running - .*container state improper$",
                removed.ErrorLines[1]);
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "exists", pod));
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task Pod_create_with_a_containers_name_fails_with_podmans_text()
    {
        var name = Unique("c3");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync("create", "--name", name, Image, "true"));

            var result = await Modpod.RunAsync("pod", "create", "--name", name);

            ModpodAssert.Exit(125, result);
            Assert.Equal($"Error: adding pod to state: name \"{name}\" is in use: container already exists",
                Assert.Single(result.ErrorLines));
            ModpodAssert.Exit(1, await Modpod.RunAsync("pod", "exists", name));
        }
        finally
        {
            await RemovePodAsync(name);
            await Modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", name);
        }
    }

    [Fact]
    public async Task Create_with_a_pods_name_fails_with_podmans_text()
    {
        var name = Unique("x2");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "create", "--name", name));

            var result = await Modpod.RunAsync("create", "--name", name, Image, "true");

            ModpodAssert.Exit(125, result);
            Assert.Equal($"Error: name \"{name}\" is in use: pod already exists", Assert.Single(result.ErrorLines));
            ModpodAssert.Exit(1, await Modpod.RunAsync("container", "exists", name));
        }
        finally
        {
            await Modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", name);
            await RemovePodAsync(name);
        }
    }

    [Fact]
    public async Task Rename_onto_a_pods_name_is_refused_as_onto_a_containers()
    {
        var pod = Unique("rp");
        var container = Unique("rc");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "create", "--name", pod, "--infra=false"));
            ModpodAssert.Exit(0, await Modpod.RunAsync("create", "--name", container, "--network", "none", Image, "true"));
            var id = (await Modpod.RunAsync("inspect", "--format", "{{.Id}}", container)).Output;

            var result = await Modpod.RunAsync("rename", container, pod);

            ModpodAssert.Exit(125, result);
            Assert.Equal(
                $"Error: renaming container {id}: name {pod} already in use, cannot rename container {id}: "
                + "container already exists",
                Assert.Single(result.ErrorLines));
            ModpodAssert.Exit(0, await Modpod.RunAsync("container", "exists", container));
        }
        finally
        {
            await Modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", container);
            await RemovePodAsync(pod);
        }
    }

    private static string Unique(string stem) => $"pns-{stem}-{Guid.NewGuid().ToString("N")[..6]}";

    private Task<ModpodResult> RemovePodAsync(string pod) =>
        Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", pod);
}
