using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Pods;

/// <summary>
/// Issue 9 (200-pod.bats "pod exit policies - play kube"): <c>kube play</c> of a Pod makes a
/// pod with exit policy stop and a container POD-CTR, prints Podman's report, and
/// <c>kube down</c> (or <c>--replace</c>) takes it away again.
/// </summary>
public sealed class KubePlayTests(PodFixture fixture) : IClassFixture<PodFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modular-kube-").FullName;

    private ModpodFixture Modpod => fixture.Modpod;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Play_kube_prints_the_pod_and_container_and_the_pod_exits_with_its_member()
    {
        var pod = Unique("exit");
        var file = Write(pod, "true", "OnFailure");
        try
        {
            var played = await Modpod.RunAsync("play", "kube", file);

            ModpodAssert.Exit(0, played);
            var inspect = await InspectPodAsync(pod);
            var member = (await Modpod.RunAsync("inspect", "--format", "{{.Id}}", $"{pod}-ctr")).Output;
            Assert.Equal(
                ["Pod:", (string)inspect["Id"]!, "Container:", member, ""],
                played.StandardOutput.Split('\n')[..^1]);
            Assert.Equal("stop", (string?)inspect["ExitPolicy"]);
            Assert.Equal("on-failure", (await Modpod.RunAsync(
                "inspect", "--format", "{{.HostConfig.RestartPolicy.Name}}", $"{pod}-ctr")).Output);
            Assert.Equal("Exited", await EventuallyAsync(pod, "Exited"));
        }
        finally
        {
            await Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", pod);
        }
    }

    [Fact]
    public async Task Kube_down_stops_and_removes_the_pods_and_replace_plays_again()
    {
        var pod = Unique("down");
        var file = Write(pod, "sleep", "Never", "300");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync("kube", "play", file));
            var first = (string)(await InspectPodAsync(pod))["Id"]!;
            var replaced = await Modpod.RunAsync("kube", "play", "--replace", file);
            ModpodAssert.Exit(0, replaced);
            var second = (string)(await InspectPodAsync(pod))["Id"]!;

            var down = await Modpod.RunAsync("kube", "down", file);

            Assert.Equal(["Pods stopped:", first, "Pods removed:", first, "Secrets removed:", "Volumes removed:"],
                replaced.Lines.Take(6));
            ModpodAssert.Exit(0, down);
            Assert.Equal(["Pods stopped:", second, "Pods removed:", second, "Secrets removed:", "Volumes removed:"],
                down.Lines);
            ModpodAssert.Exit(1, await Modpod.RunAsync("pod", "exists", pod));
        }
        finally
        {
            await Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", pod);
        }
    }

    [Fact]
    public async Task A_kind_modpod_does_not_play_is_refused_and_nothing_is_made()
    {
        var file = Path.Combine(_dir, "deploy.yaml");
        await File.WriteAllTextAsync(file, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n");

        var result = await Modpod.RunAsync("kube", "play", file);

        ModpodAssert.Exit(125, result);
        Assert.Equal("Error: kube play of kind Deployment is not supported by modpod: only Pod is",
            Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("kind: [\n", "multi doc yaml could not be split: yaml: line 1: did not find expected node content")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: NAME\nspec:\n  containers: \"notalist\"\n",
        "unable to read YAML as Kube Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container")]
    public async Task Malformed_yaml_is_refused_in_one_line_and_makes_no_pod(string yaml, string error)
    {
        var pod = Unique("bad");
        var file = Path.Combine(_dir, pod + ".yaml");
        await File.WriteAllTextAsync(file, yaml.Replace("NAME", pod, StringComparison.Ordinal));

        var result = await Modpod.RunAsync("kube", "play", file);

        ModpodAssert.Exit(125, result);
        Assert.Equal("Error: " + error, Assert.Single(result.ErrorLines));
        ModpodAssert.Exit(1, await Modpod.RunAsync("pod", "exists", pod));
    }

    [Fact]
    public async Task A_play_that_fails_on_a_missing_image_leaves_no_pod_behind()
    {
        var pod = Unique("noimg");
        var file = Write(pod, "true", "Never");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace(
            ModpodFixture.Busybox, "localhost/modular-no-such-image:1", StringComparison.Ordinal));
        var podsBefore = (await Modpod.RunAsync("pod", "ps", "-q")).Lines;
        var containersBefore = (await Modpod.RunAsync("ps", "-aq")).Lines;

        var result = await Modpod.RunAsync("kube", "play", file);

        ModpodAssert.Exit(125, result);
        Assert.StartsWith("Error: ", result.ErrorLines.Last());
        ModpodAssert.Exit(1, await Modpod.RunAsync("pod", "exists", pod));
        Assert.Equal(podsBefore, (await Modpod.RunAsync("pod", "ps", "-q")).Lines);
        Assert.Equal(containersBefore, (await Modpod.RunAsync("ps", "-aq")).Lines);
    }

    [Fact]
    public async Task Network_none_gives_the_played_pod_only_loopback()
    {
        var pod = Unique("net");
        var file = Write(pod, "sleep", "Never", "300");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync("kube", "play", "--network", "none", file));

            var links = await Modpod.RunAsync("exec", $"{pod}-ctr", "ls", "/sys/class/net");

            ModpodAssert.Exit(0, links);
            Assert.Equal(["lo"], links.Lines);
        }
        finally
        {
            await Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", pod);
        }
    }

    private string Write(string pod, string command, string restart, params string[] args)
    {
        var file = Path.Combine(_dir, pod + ".yaml");
        var argLines = args.Length == 0 ? "" : "    args:\n" + string.Concat(args.Select(a => $"    - \"{a}\"\n"));
        File.WriteAllText(file, $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: {pod}
            spec:
              containers:
              - command:
                - "{command}"
            {argLines}    image: {ModpodFixture.Busybox}
                name: ctr
              restartPolicy: {restart}

            """);
        return file;
    }

    private async Task<string> EventuallyAsync(string pod, string state)
    {
        var seen = "";
        for (var i = 0; i < 50 && seen != state; i++)
        {
            seen = (await Modpod.RunAsync("pod", "inspect", "--format", "{{.State}}", pod)).Output;
            await Task.Delay(200);
        }

        return seen;
    }

    private async Task<JsonObject> InspectPodAsync(string pod) =>
        (JsonObject)JsonNode.Parse((await Modpod.RunAsync("pod", "inspect", pod)).Output)!.AsArray()[0]!;

    private static string Unique(string stem) => $"kube-{stem}-{Guid.NewGuid().ToString("N")[..6]}";
}
