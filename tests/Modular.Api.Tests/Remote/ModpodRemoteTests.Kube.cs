using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>kube generate, generate kube, kube play and kube down through the remote client.</summary>
public sealed partial class ModpodRemoteTests
{
    [Fact]
    public async Task Kube_generate_of_a_container_matches_the_local_command()
    {
        var network = await Store.RunAsync("network", "create", "--subnet", "10.231.7.0/24", "remote-kube-net");
        var create = await Store.RunAsync(
            "create", "--name", "remote-kube-ctr", "--network", "remote-kube-net", "-p", "8181:80",
            "-e", "KUBE=1", "-w", "/tmp", "--cap-add", "NET_ADMIN", "-m", "64m",
            ModpodFixture.Busybox, "sleep", "100");
        Assert.True(network.ExitCode == 0, network.ToString());
        Assert.True(create.ExitCode == 0, create.ToString());

        await AssertSameYamlAsync("kube", "generate", "remote-kube-ctr");
        await AssertSameYamlAsync("generate", "kube", "--service", "remote-kube-ctr");
        await AssertSameYamlAsync("kube", "generate", "--type", "deployment", "--replicas", "2", "remote-kube-ctr");

        await Store.RunAsync("rm", "remote-kube-ctr");
        await Store.RunAsync("network", "rm", "remote-kube-net");
    }

    [Fact]
    public async Task Kube_generate_of_a_pod_and_a_volume_matches_the_local_command()
    {
        await Store.RunAsync("pod", "create", "--name", "remote-kube-pod", "--network", "none");
        await Store.RunAsync("volume", "create", "remote-kube-vol");
        var member = await Store.RunAsync(
            "create", "--pod", "remote-kube-pod", "--name", "remote-kube-member",
            "-v", "remote-kube-vol:/data", ModpodFixture.Busybox, "sleep", "100");
        Assert.True(member.ExitCode == 0, member.ToString());

        await AssertSameYamlAsync("kube", "generate", "remote-kube-pod");
        await AssertSameYamlAsync("kube", "generate", "--type", "job", "remote-kube-pod", "remote-kube-vol");

        await Store.RunAsync("pod", "rm", "-f", "remote-kube-pod");
        await Store.RunAsync("volume", "rm", "remote-kube-vol");
    }

    [Fact]
    public async Task Kube_generate_of_a_missing_name_prints_the_local_error()
    {
        var local = await Store.RunAsync("kube", "generate", "no-such-kube-thing");
        var remote = await RemoteAsync("kube", "generate", "no-such-kube-thing");

        Assert.Equal(125, local.ExitCode);
        Assert.Equal("Error: name or ID \"no-such-kube-thing\" not found", local.StandardError.Trim());
        Assert.Equal(local.ExitCode, remote.ExitCode);
        Assert.Equal(local.StandardError.Trim(), remote.StandardError.Trim());
    }

    [Fact]
    public async Task Kube_generate_refuses_replicas_without_deployment_as_locally()
    {
        var local = await Store.RunAsync("kube", "generate", "--replicas", "2", "whatever");
        var remote = await RemoteAsync("kube", "generate", "--replicas", "2", "whatever");

        Assert.Equal(125, local.ExitCode);
        Assert.Equal(
            "Error: --replicas can only be set when --type is set to deployment", local.StandardError.Trim());
        Assert.Equal(local.StandardError.Trim(), remote.StandardError.Trim());
        Assert.Equal(local.ExitCode, remote.ExitCode);
    }

    [Fact]
    public async Task Kube_play_and_down_run_remotely_as_locally()
    {
        var file = Path.Combine(Store.Directory, "remote-kube-play.yaml");
        await File.WriteAllTextAsync(file, $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: remote-kube-play
            spec:
              containers:
              - name: box
                image: {ModpodFixture.Busybox}
                command: ["sleep", "100"]
            """);

        var play = await RemoteAsync("kube", "play", "--network", "none", file);
        var ps = await Store.RunAsync("ps", "--pod", "--format", "{{.Names}} {{.PodName}}");
        var down = await RemoteAsync("kube", "down", file);

        Assert.True(play.ExitCode == 0, play.ToString());
        Assert.Equal(["Pod:", "Container:"], play.Lines.Where(l => l.EndsWith(':')).ToArray());
        Assert.Contains("remote-kube-play-box remote-kube-play", ps.Lines);
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.Equal(
            ["Pods stopped:", "Pods removed:", "Secrets removed:", "Volumes removed:"],
            down.Lines.Where(l => l.EndsWith(':')).ToArray());
        Assert.False(await Store.ContainerExistsAsync("remote-kube-play-box"));
    }

    [Fact]
    public async Task Kube_play_of_a_missing_file_prints_the_local_error()
    {
        var local = await Store.RunAsync("kube", "play", "/no/such/kube.yaml");
        var remote = await RemoteAsync("kube", "play", "/no/such/kube.yaml");

        Assert.NotEqual(0, local.ExitCode);
        Assert.Equal(local.ExitCode, remote.ExitCode);
        Assert.Equal(local.StandardError.Trim(), remote.StandardError.Trim());
    }

    // The YAML carries the time it was made and Services a random NodePort: those differ
    // between any two runs, local or remote, and are left out of the comparison.
    private async Task AssertSameYamlAsync(params string[] args)
    {
        var local = await Store.RunAsync(args);
        var remote = await RemoteAsync(args);

        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.True(remote.ExitCode == 0, remote.ToString());
        Assert.Contains("apiVersion: ", local.StandardOutput);
        Assert.Equal(Stable(local.StandardOutput), Stable(remote.StandardOutput));
    }

    private static string Stable(string yaml) => string.Join('\n', yaml.Split('\n')
        .Where(l => !l.TrimStart().StartsWith("creationTimestamp:", StringComparison.Ordinal)
            && !l.TrimStart().StartsWith("nodePort:", StringComparison.Ordinal)));
}
