using System.Globalization;
using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Libpod;

/// <summary>
/// The kube routes as Podman's apiv2 80-kube.at drives them: generate of a container as a
/// Pod, Service, Deployment and Job; that YAML played, played again (500), replaced, and
/// taken down. Driven with curl on the service's socket.
/// </summary>
public sealed class KubeRouteTests(LibpodServiceFixture service) : IClassFixture<LibpodServiceFixture>
{
    [Fact]
    public async Task Generate_answers_each_kind_and_play_and_down_answer_podmans_reports()
    {
        var create = await service.Store.RunAsync(
            "create", "--name", "api-kube-ctr", "--network", "none", ModpodFixture.Busybox, "sleep", "100");
        Assert.True(create.ExitCode == 0, create.ToString());
        var id = create.Output;

        var (status, yaml) = await CurlAsync("GET", "/v5.0.0/libpod/generate/kube?names=" + id);
        var (serviceStatus, withService) = await CurlAsync("GET", "/libpod/generate/kube?service=true&names=" + id);
        var (deploymentStatus, deployment) = await CurlAsync("GET", "/libpod/kube/generate?type=deployment&names=" + id);
        var (jobStatus, job) = await CurlAsync("GET", "/libpod/generate/kube?type=job&names=" + id);

        Assert.Equal(200, status);
        Assert.Contains("\nkind: Pod\n", yaml);
        Assert.Contains("\nmetadata:\n", yaml);
        Assert.Equal(200, serviceStatus);
        Assert.Contains("\nkind: Service\n", withService);
        Assert.Equal(200, deploymentStatus);
        Assert.Contains("\nkind: Deployment\n", deployment);
        Assert.Equal(200, jobStatus);
        Assert.Contains("\nkind: Job\n", job);

        await service.Store.RunAsync("rm", id);
        var file = Path.Combine(service.Store.Directory, "api-kube.yaml");
        await File.WriteAllTextAsync(file, yaml);
        var (played, report) = await CurlAsync("POST", "/libpod/kube/play?network=none", file);
        var (again, error) = await CurlAsync("POST", "/libpod/kube/play?network=none", file);
        var (replaced, replaceReport) = await CurlAsync("POST", "/libpod/play/kube?network=none&replace=true", file);
        var (down, downReport) = await CurlAsync("DELETE", "/libpod/kube/play", file);

        Assert.Equal(200, played);
        Assert.Matches("^[0-9a-f]{64}$", Json(report)["Pods"]![0]!["ID"]!.ToString());
        Assert.Matches("^[0-9a-f]{64}$", Json(report)["Pods"]![0]!["Containers"]![0]!.ToString());
        Assert.Null(Json(report)["Pods"]![0]!["ContainerErrors"]);
        Assert.Equal(500, again);
        Assert.StartsWith("playing YAML file: ", Json(error)["message"]!.ToString());
        Assert.Equal(200, replaced);
        Assert.Matches("^[0-9a-f]{64}$", Json(replaceReport)["Pods"]![0]!["ID"]!.ToString());
        Assert.Equal(200, down);
        Assert.Matches("^[0-9a-f]{64}$", Json(downReport)["StopReport"]![0]!["Id"]!.ToString());
        Assert.Matches("^[0-9a-f]{64}$", Json(downReport)["RmReport"]![0]!["Id"]!.ToString());
        Assert.False(await service.Store.ContainerExistsAsync("api-kube-ctr-pod-api-kube-ctr"));
    }

    [Fact]
    public async Task Generate_of_a_missing_name_answers_500_with_podmans_words()
    {
        var (status, body) = await CurlAsync("GET", "/libpod/generate/kube?names=no-such-api-kube");

        Assert.Equal(500, status);
        Assert.Equal("generating YAML: name or ID \"no-such-api-kube\" not found", Json(body)["message"]!.ToString());
    }

    [Fact]
    public async Task Podman_remote_generates_plays_and_takes_down_through_the_routes()
    {
        var create = await service.Store.RunAsync(
            "create", "--name", "podman-kube", "--network", "none", "-e", "FROM=podman",
            ModpodFixture.Busybox, "sleep", "100");
        Assert.True(create.ExitCode == 0, create.ToString());

        var local = await service.Store.RunAsync("kube", "generate", "podman-kube");
        var remote = await service.PodmanAsync("generate", "kube", "podman-kube");
        await service.Store.RunAsync("rm", "podman-kube");
        var file = Path.Combine(service.Store.Directory, "podman-kube.yaml");
        await File.WriteAllTextAsync(file, remote.StandardOutput);
        var play = await service.PodmanAsync("play", "kube", "--network", "none", file);
        var exists = await service.Store.ContainerExistsAsync("podman-kube-pod-podman-kube");
        var down = await service.PodmanAsync("play", "kube", "--down", file);

        Assert.True(remote.ExitCode == 0, remote.ToString());
        Assert.Equal(Stable(local.StandardOutput), Stable(remote.StandardOutput));
        Assert.True(play.ExitCode == 0, play.ToString());
        Assert.Equal("Pod:", play.Lines[0]);
        Assert.True(exists);
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.False(await service.Store.ContainerExistsAsync("podman-kube-pod-podman-kube"));
    }

    [Fact]
    public async Task Generate_spec_output_creates_a_container_and_a_pod_through_the_api()
    {
        await service.Store.RunAsync("create", "--name", "api-spec", "--network", "none", ModpodFixture.Busybox, "true");
        await service.Store.RunAsync("pod", "create", "--name", "api-spec-pod", "--network", "none");
        var containerFile = Path.Combine(service.Store.Directory, "api-spec.json");
        var podFile = Path.Combine(service.Store.Directory, "api-spec-pod.json");

        var container = await service.Store.RunAsync("generate", "spec", "-f", containerFile, "-c", "api-spec");
        var pod = await service.Store.RunAsync("generate", "spec", "-f", podFile, "-c", "api-spec-pod");
        var (created, body) = await CurlAsync("POST", "/libpod/containers/create", containerFile, "application/json");
        var (podCreated, podBody) = await CurlAsync("POST", "/libpod/pods/create", podFile, "application/json");

        Assert.Equal(containerFile, container.Output);
        Assert.Equal(podFile, pod.Output);
        Assert.Equal(201, created);
        Assert.Matches("^[0-9a-f]{64}$", Json(body)["Id"]!.ToString());
        Assert.True(await service.Store.ContainerExistsAsync("api-spec-clone"));
        Assert.Equal(201, podCreated);
        Assert.Matches("^[0-9a-f]{64}$", Json(podBody)["Id"]!.ToString());
        await service.Store.RunAsync("rm", "api-spec", "api-spec-clone");
        await service.Store.RunAsync("pod", "rm", "-f", "api-spec-pod", "api-spec-pod-clone");
    }

    // The creation time differs between any two runs.
    private static string Stable(string yaml) => string.Join('\n', yaml.Split('\n')
        .Where(l => !l.TrimStart().StartsWith("creationTimestamp:", StringComparison.Ordinal)));

    private static JsonObject Json(string body) => JsonNode.Parse(body)!.AsObject();

    private async Task<(int Status, string Body)> CurlAsync(
        string method,
        string path,
        string? file = null,
        string contentType = "application/yaml")
    {
        List<string> args = ["-sS", "--unix-socket", service.Socket, "-X", method, "-w", "\n%{http_code}"];
        args.AddRange(file is null ? [] : ["-H", "Content-Type: " + contentType, "--data-binary", "@" + file]);
        args.Add("http://d" + path);
        var result = await Cli.Wrap("curl").WithArguments(args)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token);
        var output = result.StandardOutput;
        var cut = output.LastIndexOf('\n');
        return (int.Parse(output[(cut + 1)..], CultureInfo.InvariantCulture), output[..cut]);
    }
}
