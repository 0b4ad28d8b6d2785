using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>The docker CLI's network commands and a container's network details (Issue #10).</summary>
[Collection(DockerServiceCollection.Name)]
public sealed class DockerNetworkTests(DockerServiceFixture service)
{
    private const string Image = ModpodFixture.Busybox;

    [Fact]
    public async Task NetworkCreateListInspectAndRemoveShowDockerShapes()
    {
        var create = await service.DockerAsync(
            "network", "create", "--subnet", "10.215.1.0/24", "--gateway", "10.215.1.1",
            "--label", "purpose=apinet test", "apinet-a");
        Assert.True(create.ExitCode == 0, create.StandardError);
        var id = create.StandardOutput.Trim();
        try
        {
            var ls = await service.DockerAsync(
                "network", "ls", "--format", "{{.ID}} {{.Name}} {{.Driver}} {{.Scope}}");
            Assert.Contains($"{id[..12]} apinet-a bridge local\n", ls.StandardOutput);

            var inspect = await service.DockerAsync("network", "inspect", "apinet-a");
            Assert.True(inspect.ExitCode == 0, inspect.StandardError);
            var json = JsonNode.Parse(inspect.StandardOutput)![0]!;
            Assert.Equal(id, json["Id"]!.GetValue<string>());
            Assert.Equal("10.215.1.0/24", json["IPAM"]!["Config"]![0]!["Subnet"]!.GetValue<string>());
            Assert.Equal("10.215.1.1", json["IPAM"]!["Config"]![0]!["Gateway"]!.GetValue<string>());
            Assert.Equal("apinet test", json["Labels"]!["purpose"]!.GetValue<string>());

            var duplicate = await service.DockerAsync("network", "create", "apinet-a");
            Assert.NotEqual(0, duplicate.ExitCode);
            Assert.Contains("already", duplicate.StandardError);
        }
        finally
        {
            await service.DockerAsync("network", "rm", "apinet-a");
        }

        var gone = await service.DockerAsync("network", "inspect", "apinet-a");
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("network not found", gone.StandardError);
    }

    [Fact]
    public async Task ContainerOnNetworkReportsAddressAliasAndConnects()
    {
        var network = (await service.DockerAsync(
            "network", "create", "--subnet", "10.215.2.0/24", "apinet-b")).StandardOutput.Trim();
        await service.DockerAsync("network", "create", "--subnet", "10.215.3.0/24", "apinet-c");
        try
        {
            var run = await service.DockerAsync(
                "run", "-d", "--name", "apinet-web", "--network", "apinet-b", "--network-alias", "webalias",
                "-l", "exact=a b=c", Image, "sleep", "300");
            Assert.True(run.ExitCode == 0, run.StandardError);

            var json = await InspectAsync("apinet-web");
            var endpoint = json["NetworkSettings"]!["Networks"]!["apinet-b"]!;
            Assert.Equal(network, endpoint["NetworkID"]!.GetValue<string>());
            Assert.StartsWith("10.215.2.", endpoint["IPAddress"]!.GetValue<string>());
            Assert.Equal("10.215.2.1", endpoint["Gateway"]!.GetValue<string>());
            Assert.Matches("^([0-9a-f]{2}:){5}[0-9a-f]{2}$", endpoint["MacAddress"]!.GetValue<string>());
            Assert.Contains("webalias", endpoint["Aliases"]!.AsArray().Select(a => a!.GetValue<string>()));
            Assert.Equal("a b=c", json["Config"]!["Labels"]!["exact"]!.GetValue<string>());
            Assert.Equal("json-file", json["HostConfig"]!["LogConfig"]!["Type"]!.GetValue<string>());
            Assert.Null(json["State"]!["Health"]);

            var members = await service.DockerAsync(
                "network", "inspect", "apinet-b",
                "--format", "{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}");
            Assert.StartsWith("apinet-web 10.215.2.", members.StandardOutput);

            var connect = await service.DockerAsync("network", "connect", "--alias", "second", "apinet-c", "apinet-web");
            Assert.True(connect.ExitCode == 0, connect.StandardError);
            var connected = await InspectAsync("apinet-web");
            var second = connected["NetworkSettings"]!["Networks"]!["apinet-c"]!;
            Assert.StartsWith("10.215.3.", second["IPAddress"]!.GetValue<string>());
            Assert.Contains("second", second["Aliases"]!.AsArray().Select(a => a!.GetValue<string>()));

            var disconnect = await service.DockerAsync("network", "disconnect", "apinet-c", "apinet-web");
            Assert.True(disconnect.ExitCode == 0, disconnect.StandardError);
            Assert.Null((await InspectAsync("apinet-web"))["NetworkSettings"]!["Networks"]!["apinet-c"]);
        }
        finally
        {
            await service.DockerAsync("rm", "-f", "apinet-web");
            await service.DockerAsync("network", "rm", "apinet-b", "apinet-c");
        }
    }

    [Fact]
    public async Task NetworkPruneRemovesUnusedNetworksOnly()
    {
        await service.DockerAsync(
            "network", "create", "--subnet", "10.215.4.0/24", "--label", "apinet-prune=1", "apinet-d");

        var prune = await service.DockerAsync("network", "prune", "-f", "--filter", "label=apinet-prune=1");

        Assert.True(prune.ExitCode == 0, prune.StandardError);
        Assert.Contains("apinet-d", prune.StandardOutput);
        Assert.NotEqual(0, (await service.DockerAsync("network", "inspect", "apinet-d")).ExitCode);
        Assert.Equal(0, (await service.DockerAsync("network", "inspect", "bridge")).ExitCode);
    }

    [Fact]
    public async Task ContainerCreatedWithNetworkIdIsKeyedByNetworkName()
    {
        var id = (await service.DockerAsync(
            "network", "create", "--subnet", "10.215.5.0/24", "apinet-e")).StandardOutput.Trim();
        try
        {
            var run = await service.DockerAsync(
                "run", "-d", "--name", "apinet-byid", "--network", id[..12], Image, "sleep", "300");
            Assert.True(run.ExitCode == 0, run.StandardError);

            var networks = (await InspectAsync("apinet-byid"))["NetworkSettings"]!["Networks"]!.AsObject();
            Assert.Equal(["apinet-e"], networks.Select(n => n.Key));
            Assert.StartsWith("10.215.5.", networks["apinet-e"]!["IPAddress"]!.GetValue<string>());

            var again = await service.DockerAsync("network", "connect", "apinet-e", "apinet-byid");
            Assert.NotEqual(0, again.ExitCode);
            Assert.Contains("already connected", again.StandardError);
        }
        finally
        {
            await service.DockerAsync("rm", "-f", "apinet-byid");
            await service.DockerAsync("network", "rm", "apinet-e");
        }
    }

    private async Task<JsonNode> InspectAsync(string name)
    {
        var inspect = await service.DockerAsync("inspect", name);
        Assert.True(inspect.ExitCode == 0, inspect.StandardError);
        return JsonNode.Parse(inspect.StandardOutput)![0]!;
    }
}
