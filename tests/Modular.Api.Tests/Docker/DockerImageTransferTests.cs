using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>
/// docker push, pull, tag, rmi, history, save, load and image prune through the Docker
/// tree (Issue #10), against a docker-registry with basic auth on 127.0.0.1.
/// </summary>
[Collection(DockerServiceCollection.Name)]
public sealed class DockerImageTransferTests(DockerServiceFixture service) : IAsyncLifetime
{
    private RegistryFixture _registry = null!;

    public async Task InitializeAsync()
    {
        _registry = await RegistryFixture.StartWithAuthAsync();

        // Podman's rule, not Docker's: plain HTTP only for a registry registries.conf marks insecure.
        await File.AppendAllTextAsync(
            Path.Combine(service.Modpod.Directory, "registries.conf"),
            $"\n[[registry]]\nlocation = \"{_registry.Address}\"\ninsecure = true\n");

        // The docker CLI sends these credentials as X-Registry-Auth.
        var config = Path.Combine(service.Modpod.Directory, "docker-config");
        Directory.CreateDirectory(config);
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RegistryFixture.User}:{RegistryFixture.Password}"));
        var auths = new JsonObject { [_registry.Address] = new JsonObject { ["auth"] = auth } };
        await File.WriteAllTextAsync(
            Path.Combine(config, "config.json"),
            new JsonObject { ["auths"] = auths }.ToJsonString());
    }

    public async Task DisposeAsync()
    {
        File.Delete(Path.Combine(service.Modpod.Directory, "docker-config", "config.json"));
        await _registry.DisposeAsync();
    }

    [Fact]
    public async Task PushThenPullBackWithRegistryAuth()
    {
        var remote = $"{_registry.Address}/apiimg/busybox:v1";
        Assert.Equal(0, (await service.DockerAsync("tag", ModpodFixture.Busybox, remote)).ExitCode);

        var push = await service.DockerAsync("push", remote);
        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.Contains($"The push refers to repository [{_registry.Address}/apiimg/busybox]", push.StandardOutput);
        Assert.True(
            Regex.IsMatch(push.StandardOutput, "v1: digest: sha256:[0-9a-f]{64} size: [1-9][0-9]*"),
            push.ToString());

        var rmi = await service.DockerAsync("rmi", remote);
        Assert.True(rmi.ExitCode == 0, rmi.ToString());
        Assert.Contains("Untagged: " + remote, rmi.StandardOutput);

        var pull = await service.DockerAsync("pull", remote);
        Assert.True(pull.ExitCode == 0, pull.ToString());
        Assert.Matches("Digest: sha256:[0-9a-f]{64}", pull.StandardOutput);
        Assert.Contains("Status: Downloaded newer image for " + remote, pull.StandardOutput);
        var inspect = await service.DockerAsync("image", "inspect", remote, "--format", "{{.Id}}");
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        Assert.Equal(0, (await service.DockerAsync("rmi", remote)).ExitCode);
    }

    [Fact]
    public async Task PullStreamsDockersProgressLines()
    {
        var remote = $"{_registry.Address}/apiimg/lines";
        Assert.Equal(0, (await service.DockerAsync("tag", ModpodFixture.Busybox, remote + ":v2")).ExitCode);
        Assert.Equal(0, (await service.DockerAsync("push", remote + ":v2")).ExitCode);
        Assert.Equal(0, (await service.DockerAsync("rmi", remote + ":v2")).ExitCode);
        await service.Modpod.RunAsync("rmi", "-f", ModpodFixture.Busybox);
        try
        {
            using var http = Service.UnixSocketHttp.Create(service.Socket);
            using var request = new HttpRequestMessage(
                HttpMethod.Post, $"/v1.41/images/create?fromImage={remote}&tag=v2");
            var auth = $"{{\"username\":\"{RegistryFixture.User}\",\"password\":\"{RegistryFixture.Password}\"}}";
            request.Headers.Add("X-Registry-Auth", Convert.ToBase64String(Encoding.UTF8.GetBytes(auth)));
            using var response = await http.SendAsync(request);

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.TransferEncodingChunked);
            var lines = (await response.Content.ReadAsStringAsync())
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
            var statuses = lines.Select(l => l["status"]?.GetValue<string>() ?? "").ToList();
            Assert.Contains("Pulling fs layer", statuses);
            Assert.Contains(lines, l => l["status"]?.GetValue<string>() == "Downloading"
                && l["progressDetail"]?["total"] is not null && l["id"]?.GetValue<string>().Length == 12);
            Assert.StartsWith("Digest: sha256:", statuses[^2]);
            Assert.Equal($"Status: Downloaded newer image for {remote}:v2", statuses[^1]);
        }
        finally
        {
            await service.DockerAsync("tag", remote + ":v2", ModpodFixture.Busybox);
            await service.DockerAsync("rmi", remote + ":v2");
        }
    }

    [Fact]
    public async Task PullOfAMissingImageFailsWithTheRegistrysReason()
    {
        var pull = await service.DockerAsync("pull", $"{_registry.Address}/apiimg/missing:v1");
        Assert.NotEqual(0, pull.ExitCode);
        Assert.Contains("apiimg/missing", pull.StandardError);
        Assert.DoesNotContain(RegistryFixture.Password, pull.StandardError + pull.StandardOutput);
    }

    [Fact]
    public async Task HistoryListsTheImagesLayers()
    {
        var history = await service.DockerAsync("history", ModpodFixture.Busybox);
        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.Matches("^IMAGE +CREATED +CREATED BY +SIZE +COMMENT", history.StandardOutput);
        Assert.True(history.Lines.Count >= 2, history.StandardOutput);
    }

    [Fact]
    public async Task SaveRemoveAndLoadBringTheImageBack()
    {
        const string Name = "localhost/apiimg-saved:1";
        Assert.Equal(0, (await service.DockerAsync("tag", ModpodFixture.Busybox, Name)).ExitCode);
        var archive = Path.Combine(service.Modpod.Directory, "apiimg-saved.tar");
        try
        {
            var save = await service.DockerAsync("save", "-o", archive, Name);
            Assert.True(save.ExitCode == 0, save.ToString());
            Assert.True(new FileInfo(archive).Length > 1024);
            Assert.Equal(0, (await service.DockerAsync("rmi", Name)).ExitCode);

            var load = await service.DockerAsync("load", "-i", archive);
            Assert.True(load.ExitCode == 0, load.ToString());
            Assert.Contains("Loaded image: " + Name, load.StandardOutput);
            var images = await service.DockerAsync("images", "--format", "{{.Repository}}:{{.Tag}}");
            Assert.Contains(Name, images.Lines);
        }
        finally
        {
            File.Delete(archive);
            await service.DockerAsync("rmi", Name);
        }
    }

    [Fact]
    public async Task RemovingAnUnknownImageIsNotFoundAndPruneReportsItsTotal()
    {
        var rmi = await service.DockerAsync("rmi", "localhost/apiimg-never:1");
        Assert.NotEqual(0, rmi.ExitCode);
        Assert.Contains("Error response from daemon:", rmi.StandardError);

        var prune = await service.DockerAsync("image", "prune", "-f");
        Assert.True(prune.ExitCode == 0, prune.ToString());
        Assert.Contains("Total reclaimed space:", prune.StandardOutput);
    }
}
