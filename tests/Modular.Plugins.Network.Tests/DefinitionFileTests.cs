using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Modular.Contracts.Network;
using Modular.Plugins.Network.Cni.Cni;
using Modular.Plugins.Network.Cni.Netavark;

namespace Modular.Plugins.Network.Tests;

/// <summary>The files both backends write and read are the ones Podman writes and reads.</summary>
public sealed class DefinitionFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("modular-network-files-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static NetworkDefinition Sample(bool @internal = false) => new()
    {
        Name = "files",
        Id = new string('a', 64),
        NetworkInterface = "modpod7",
        Created = new DateTimeOffset(2026, 12, 4, 19, 0, 0, TimeSpan.Zero),
        Subnets = [new NetworkSubnet("10.201.7.0/24", "10.201.7.1")],
        Internal = @internal,
        DnsEnabled = true,
        Labels = new Dictionary<string, string> { ["team"] = "net" },
        IpamOptions = new Dictionary<string, string> { ["driver"] = "host-local" },
    };

    private async Task<T> InitializedAsync<T>(T backend) where T : INetworkBackend
    {
        await backend.InitializeAsync(new NetworkBackendOptions(_root, Path.Combine(_root, "run"), []), default);
        return backend;
    }

    [Fact]
    public async Task The_netavark_file_is_NAME_json_with_Podmans_keys()
    {
        var backend = await InitializedAsync(new NetavarkBackend(NullLogger<NetavarkBackend>.Instance));

        await backend.WriteNetworkAsync(Sample(), default);

        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_root, "files.json")))!.AsObject();
        Assert.Equal(
            ["name", "id", "driver", "network_interface", "created", "subnets", "ipv6_enabled", "internal",
             "dns_enabled", "labels", "ipam_options"],
            json.Select(pair => pair.Key));
        Assert.Equal("10.201.7.1", json["subnets"]![0]!["gateway"]!.GetValue<string>());
        Assert.StartsWith("2026-12-04T19:00:00", json["created"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_netavark_file_written_by_Podman_loads_with_its_nanosecond_time()
    {
        var backend = await InitializedAsync(new NetavarkBackend(NullLogger<NetavarkBackend>.Instance));
        await File.WriteAllTextAsync(Path.Combine(_root, "web.json"), """
            {"name": "web", "id": "1f0c6b2c", "driver": "bridge", "network_interface": "podman3",
             "created": "2026-11-30T08:15:02.123456789+01:00",
             "subnets": [{"subnet": "10.89.2.0/24", "gateway": "10.89.2.1",
                          "lease_range": {"start_ip": "10.89.2.100", "end_ip": "10.89.2.150"}}],
             "ipv6_enabled": false, "internal": true, "dns_enabled": false,
             "ipam_options": {"driver": "host-local"}}
            """);
        await File.WriteAllTextAsync(Path.Combine(_root, "broken.json"), "{ not json");

        var web = Assert.Single(await backend.LoadNetworksAsync(default));

        Assert.Equal("web", web.Name);
        Assert.Equal("podman3", web.NetworkInterface);
        Assert.True(web.Internal);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 15, 2, TimeSpan.Zero), web.Created.AddTicks(-1234567));
        Assert.Equal(new LeaseRange("10.89.2.100", "10.89.2.150"), Assert.Single(web.Subnets).LeaseRange);
    }

    [Fact]
    public async Task The_cni_conflist_is_Podmans_chain_with_labels_in_args_and_no_run_paths()
    {
        var backend = await InitializedAsync(new CniBackend(NullLogger<CniBackend>.Instance));

        await backend.WriteNetworkAsync(Sample(), default);

        var text = await File.ReadAllTextAsync(Path.Combine(_root, "files.conflist"));
        var list = JsonNode.Parse(text)!;
        Assert.Equal(
            ["bridge", "portmap", "firewall", "tuning", "dnsname"],
            list["plugins"]!.AsArray().Select(p => p!["type"]!.GetValue<string>()));
        var bridge = list["plugins"]![0]!;
        Assert.Equal("modpod7", bridge["bridge"]!.GetValue<string>());
        Assert.True(bridge["isGateway"]!.GetValue<bool>());
        Assert.True(bridge["ipMasq"]!.GetValue<bool>());
        Assert.Equal("10.201.7.0/24", bridge["ipam"]!["ranges"]![0]![0]!["subnet"]!.GetValue<string>());
        Assert.Equal("net", list["args"]!["podman_labels"]!["team"]!.GetValue<string>());
        Assert.Equal("dns.podman", list["plugins"]![4]!["domainName"]!.GetValue<string>());
        Assert.DoesNotContain("dataDir", text);
    }

    [Fact]
    public async Task An_internal_cni_network_has_no_gateway_masquerade_or_default_route_and_loads_internal()
    {
        var backend = await InitializedAsync(new CniBackend(NullLogger<CniBackend>.Instance));

        await backend.WriteNetworkAsync(Sample(@internal: true), default);

        var bridge = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_root, "files.conflist")))!["plugins"]![0]!;
        Assert.False(bridge["isGateway"]!.GetValue<bool>());
        Assert.False(bridge["ipMasq"]!.GetValue<bool>());
        Assert.Null(bridge["ipam"]!["routes"]);
        Assert.True(Assert.Single(await backend.LoadNetworksAsync(default)).Internal);
    }

    [Fact]
    public async Task A_hand_written_cni_conflist_loads_with_Podmans_id_from_its_name()
    {
        var backend = await InitializedAsync(new CniBackend(NullLogger<CniBackend>.Instance));
        await File.WriteAllTextAsync(Path.Combine(_root, "legacy.conflist"), """
            {"cniVersion": "0.4.0", "name": "legacy",
             "plugins": [{"type": "bridge", "bridge": "cni-podman4", "isGateway": true, "ipMasq": true,
                          "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.89.4.0/24"}]]}},
                         {"type": "portmap", "capabilities": {"portMappings": true}}]}
            """);

        var legacy = Assert.Single(await backend.LoadNetworksAsync(default));

        Assert.Equal("legacy", legacy.Name);
        Assert.Equal(CniConfList.IdFromName("legacy"), legacy.Id);
        Assert.Equal(64, legacy.Id.Length);
        Assert.Equal("cni-podman4", legacy.NetworkInterface);
        Assert.False(legacy.DnsEnabled);
        Assert.Equal("10.89.4.0/24", Assert.Single(legacy.Subnets).Subnet);
    }
}
