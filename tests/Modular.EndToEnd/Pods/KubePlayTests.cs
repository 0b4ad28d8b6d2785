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
