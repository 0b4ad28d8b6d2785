using Xunit;
using Modular.Contracts.Errors;
using Modular.Engine.Networks;
using Modular.Engine.State;

namespace Modular.Engine.Tests.Networks;

public sealed class NetworkServiceTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly NetworkServiceFixture _fixture = new();

    private NetworkService Service => _fixture.Service;

    [Fact]
    public async Task Two_containers_get_different_addresses_and_inspect_lists_both()
    {
        await Service.CreateAsync(new NetworkCreateRequest("web", Subnets: ["10.202.7.0/24"]), None);

        var first = await AttachAsync("a1", "web");
        var second = await AttachAsync("b2", "web");
        var inspect = await Service.InspectAsync("web", None);

        Assert.Equal("10.202.7.2/24", first.Networks["web"].Interfaces[0].Addresses[0].Cidr);
        Assert.Equal("10.202.7.3/24", second.Networks["web"].Interfaces[0].Addresses[0].Cidr);
        var containers = inspect["containers"]!.AsObject();
        Assert.Equal(["a1" + Pad, "b2" + Pad], containers.Select(c => c.Key).Order());
        Assert.Equal("10.202.7.2/24", (string?)containers["a1" + Pad]!["interfaces"]!["eth0"]!["subnets"]![0]!["ipnet"]);
    }

    [Fact]
    public async Task Detach_frees_the_leases_and_is_harmless_when_repeated()
    {
        await AttachAsync("a1", "podman");

        await DetachAsync("a1", "podman");
        await DetachAsync("a1", "podman");

        Assert.Empty(await Service.Leases.AllLeasesAsync(None));
        Assert.Empty(await Service.StatusAsync("a1" + Pad, None));
    }

    [Fact]
    public async Task A_static_address_held_by_another_container_is_refused_and_nothing_is_leased()
    {
        await AttachAsync("a1", "podman", "10.202.0.9");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => AttachAsync("b2", "podman", "10.202.0.9"));

        Assert.Equal(
            $"IPAM error: requested ip address 10.202.0.9 is already allocated to container ID a1{Pad}",
            error.Message);
        Assert.Single(await Service.Leases.AllLeasesAsync(None));
    }

    [Fact]
    public async Task A_static_address_outside_the_network_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => AttachAsync("a1", "podman", "10.9.9.9"));

        Assert.Equal("requested static ip 10.9.9.9 not in any subnet on network podman", error.Message);
    }

    [Fact]
    public async Task A_failed_backend_setup_leaves_no_lease_behind()
    {
        _fixture.Backend.FailSetup = true;

        await Assert.ThrowsAsync<BackendException>(() => AttachAsync("a1", "podman"));

        Assert.Empty(await Service.Leases.AllLeasesAsync(None));
        Assert.Single(_fixture.Backend.Teardowns);
    }

    [Fact]
    public async Task Attaching_to_a_network_that_does_not_exist_names_it()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => AttachAsync("a1", "nope"));

        Assert.Equal("unable to find network with name or ID nope: network not found", error.Message);
    }

    [Fact]
    public async Task A_network_in_use_is_refused_with_Podmans_text_and_kept()
    {
        await Service.CreateAsync(new NetworkCreateRequest("web"), None);
        await _fixture.AddContainerAsync("a1" + Pad, "web");

        var error = await Assert.ThrowsAsync<WrongStateException>(() => Service.RemoveAsync("web", None));

        Assert.Equal(
            "\"web\" has associated containers with it. Use -f to forcibly delete containers and pods: network is being used",
            error.Message);
        Assert.True(await Service.ExistsAsync("web", None));
    }

    [Fact]
    public async Task The_default_network_cannot_be_removed()
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Service.RemoveAsync("podman", None));

        Assert.Equal("default network podman cannot be removed", error.Message);
    }

    [Fact]
    public async Task Prune_removes_unused_networks_only_and_never_the_default()
    {
        await Service.CreateAsync(new NetworkCreateRequest("used"), None);
        await Service.CreateAsync(new NetworkCreateRequest("idle", Labels: new Dictionary<string, string> { ["k"] = "v" }), None);
        await Service.CreateAsync(new NetworkCreateRequest("other"), None);
        await _fixture.AddContainerAsync("a1" + Pad, "used");

        var removed = await Service.PruneAsync(["label=k"], None);

        Assert.Equal(["idle"], removed);
        Assert.Equal(["other", "podman", "used"], (await Service.ListAsync(None)).Select(n => n.Name));
    }

    [Fact]
    public async Task Networks_resolve_by_unique_id_prefix()
    {
        var created = await Service.CreateAsync(new NetworkCreateRequest("web"), None);

        var found = await Service.ResolveAsync(created.Id[..6], None);

        Assert.Equal("web", found.Name);
    }

    [Fact]
    public async Task List_filters_combine_and_dangling_leaves_out_used_and_default_networks()
    {
        await Service.CreateAsync(new NetworkCreateRequest("web1"), None);
        await Service.CreateAsync(new NetworkCreateRequest("web2"), None);
        await _fixture.AddContainerAsync("a1" + Pad, "web1");

        var dangling = await Service.ListAsync(["dangling=true"], None);
        var named = await Service.ListAsync(["name=web", "driver=bridge"], None);

        Assert.Equal(["web2"], dangling.Select(n => n.Name));
        Assert.Equal(["web1", "web2"], named.Select(n => n.Name));
    }

    [Theory]
    [InlineData("name", "filter input must be in the form of filter=value: name is invalid")]
    [InlineData("colour=red", "invalid filter \"colour\"")]
    [InlineData("dangling=maybe", "invalid dangling filter value \"maybe\"")]
    public async Task Bad_filters_are_refused_in_Podmans_words(string filter, string message)
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Service.ListAsync([filter], None));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Removing_a_network_forgets_its_leases()
    {
        await Service.CreateAsync(new NetworkCreateRequest("web"), None);
        await AttachAsync("a1", "web");
        await DetachAsync("a1", "web");
        await AttachAsync("b2", "web");

        await Service.DetachAsync("b2" + Pad, "c", "/proc/self/ns/net", Networks("web"), [], None);
        await Service.RemoveAsync("web", None);

        Assert.Empty(await Service.Leases.AllLeasesAsync(None));
    }

    public void Dispose() => _fixture.Dispose();

    private static string Pad => new('0', 62);

    private Task<Contracts.Network.NetworkSetupResult> AttachAsync(string id, string network, params string[] ips) =>
        Service.AttachAsync(id + Pad, "c-" + id, "/proc/self/ns/net", Networks(network, ips), [], None);

    private Task DetachAsync(string id, string network) =>
        Service.DetachAsync(id + Pad, "c-" + id, "/proc/self/ns/net", Networks(network), [], None);

    private static Dictionary<string, ContainerNetworkOptions> Networks(string network, params string[] ips) =>
        new() { [network] = new ContainerNetworkOptions("eth0", ips, null, []) };
}
