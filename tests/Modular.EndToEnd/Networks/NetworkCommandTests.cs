using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Networks;

/// <summary><c>modpod network</c> verbs with each backend, as a user sees them.</summary>
public sealed class NetworkCommandTests
{
    public static TheoryData<string> Backends => new() { "netavark", "cni" };

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Ls_prints_Podmans_columns_with_the_default_network(string backend)
    {
        await using var store = await NetworkStore.CreateAsync(backend);

        var result = await store.RunAsync("network", "ls");

        ModpodAssert.Exit(0, result);
        Assert.Equal("NETWORK ID    NAME        DRIVER", result.Lines[0]);
        Assert.Equal("2f259bab93aa  podman      bridge", result.Lines[1]);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Create_prints_the_name_and_inspect_shows_a_free_subnet_and_a_modpod_bridge(string backend)
    {
        await using var store = await NetworkStore.CreateAsync(backend);

        var create = await store.RunAsync("network", "create", "--label", "team=web", "e2e-web");
        var inspect = await store.RunAsync("network", "inspect", "e2e-web");

        ModpodAssert.Exit(0, create);
        Assert.Equal("e2e-web", create.Output);
        var network = Assert.Single(JsonNode.Parse(inspect.Output)!.AsArray())!;
        Assert.Equal("10.202.1.0/24", (string?)network["subnets"]![0]!["subnet"]);
        Assert.Equal("10.202.1.1", (string?)network["subnets"]![0]!["gateway"]);
        Assert.StartsWith("modpod", (string?)network["network_interface"], StringComparison.Ordinal);
        Assert.True((bool)network["dns_enabled"]!);
        Assert.Equal("web", (string?)network["labels"]!["team"]);
        Assert.Empty(network["containers"]!.AsObject());
        Assert.NotEmpty(Directory.GetFiles(store.ConfigDirectory));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Rm_prints_the_name_removes_the_definition_and_exists_then_exits_1(string backend)
    {
        await using var store = await NetworkStore.CreateAsync(backend);
        await store.RunAsync("network", "create", "--subnet", "10.202.40.0/24", "e2e-gone");

        var rm = await store.RunAsync("network", "rm", "e2e-gone");
        var exists = await store.RunAsync("network", "exists", "e2e-gone");

        ModpodAssert.Exit(0, rm);
        Assert.Equal("e2e-gone", rm.Output);
        ModpodAssert.Exit(1, exists);
        Assert.Equal("", exists.StandardOutput + exists.StandardError);
        Assert.Empty(Directory.GetFiles(store.ConfigDirectory));
    }

    [Fact]
    public async Task Rm_of_a_missing_network_exits_1_and_of_the_default_one_exits_125()
    {
        await using var store = await NetworkStore.CreateAsync("netavark");

        var missing = await store.RunAsync("network", "rm", "e2e-nope");
        var builtin = await store.RunAsync("network", "rm", "podman");

        ModpodAssert.Exit(1, missing);
        Assert.Equal("Error: unable to find network with name or ID e2e-nope: network not found", missing.ErrorLines.Single());
        ModpodAssert.Exit(125, builtin);
        Assert.Equal("Error: default network podman cannot be removed", builtin.ErrorLines.Single());
    }

    [Fact]
    public async Task Create_refuses_a_taken_name_and_an_overlapping_subnet_and_leaves_the_store_unchanged()
    {
        await using var store = await NetworkStore.CreateAsync("netavark");
        await store.RunAsync("network", "create", "--subnet", "10.202.50.0/24", "e2e-a");

        var again = await store.RunAsync("network", "create", "e2e-a");
        var overlap = await store.RunAsync("network", "create", "--subnet", "10.202.50.128/25", "e2e-b");
        var names = await store.RunAsync("network", "ls", "-q");

        ModpodAssert.Exit(125, again);
        Assert.Equal("Error: network name e2e-a already used: network already exists", again.ErrorLines.Single());
        ModpodAssert.Exit(125, overlap);
        Assert.Equal(
            "Error: subnet 10.202.50.128/25 is already used on the host or by another config",
            overlap.ErrorLines.Single());
        Assert.Equal(["e2e-a", "podman"], names.Lines);
    }

    [Fact]
    public async Task Ls_filters_formats_and_prune_act_on_unused_networks_only()
    {
        await using var store = await NetworkStore.CreateAsync("netavark");
        await store.RunAsync("network", "create", "--label", "keep=1", "e2e-keep");
        await store.RunAsync("network", "create", "e2e-drop");

        var filtered = await store.RunAsync("network", "ls", "--filter", "label=keep", "--format", "{{.Name}} {{.Labels}}");
        var json = await store.RunAsync("network", "ls", "--format", "json");
        var prune = await store.RunAsync("network", "prune", "-f", "--filter", "label!=keep");
        var left = await store.RunAsync("network", "ls", "-q");

        Assert.Equal("e2e-keep keep=1", filtered.Output);
        Assert.Equal(3, JsonNode.Parse(json.Output)!.AsArray().Count);
        ModpodAssert.Exit(0, prune);
        Assert.Equal("e2e-drop", prune.Output);
        Assert.Equal(["e2e-keep", "podman"], left.Lines);
    }

    [Fact]
    public async Task Inspect_of_a_missing_network_prints_what_was_found_then_exits_125()
    {
        await using var store = await NetworkStore.CreateAsync("netavark");

        var result = await store.RunAsync("network", "inspect", "podman", "e2e-nope");

        ModpodAssert.Exit(125, result);
        Assert.Single(JsonNode.Parse(result.Output)!.AsArray());
        Assert.Equal(
            "Error: network e2e-nope: unable to find network with name or ID e2e-nope: network not found",
            result.ErrorLines.Single());
    }

    [Fact]
    public async Task Concurrent_creates_without_names_get_distinct_names_bridges_and_subnets()
    {
        await using var store = await NetworkStore.CreateAsync("netavark");

        var creates = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.RunAsync("network", "create")));
        var inspect = await store.RunAsync(["network", "inspect", .. creates.Select(c => c.Output)]);

        Assert.All(creates, c => ModpodAssert.Exit(0, c));
        var networks = JsonNode.Parse(inspect.Output)!.AsArray().Select(n => n!).ToList();
        Assert.Equal(4, networks.Select(n => (string?)n["name"]).Distinct().Count());
        Assert.Equal(4, networks.Select(n => (string?)n["network_interface"]).Distinct().Count());
        Assert.Equal(4, networks.Select(n => (string?)n["subnets"]![0]!["subnet"]).Distinct().Count());
    }

    [Fact]
    public async Task Info_shows_the_backend_chosen_by_configuration()
    {
        await using var store = await NetworkStore.CreateAsync("cni");

        var info = await store.RunAsync(
            "info", "--format", "{{.Host.NetworkBackend}} {{.Host.NetworkBackendInfo.Backend}}");

        ModpodAssert.Exit(0, info);
        Assert.Equal("cni cni", info.Output);
    }
}
