using System.Text.Json.Nodes;
using Modular.Cli.Output;
using Xunit;

namespace Modular.Cli.Tests;

/// <summary>inspect --format sees Podman's Go field names, nested ones included.</summary>
public sealed class NetworkViewTests
{
    [Fact]
    public void Nested_subnet_and_container_fields_have_their_go_names()
    {
        var inspect = JsonNode.Parse("""
            {"name":"n","subnets":[{"subnet":"10.9.0.0/24","gateway":"10.9.0.1",
             "lease_range":{"start_ip":"10.9.0.10","end_ip":"10.9.0.20"}}],
             "containers":{"abc":{"name":"web","interfaces":{"eth0":{
             "subnets":[{"ipnet":"10.9.0.2/24","gateway":"10.9.0.1"}],"mac_address":"aa"}}}}}
            """)!.AsObject();

        var view = NetworkView.Inspected(inspect);

        var subnet = view["Subnets"]![0]!;
        Assert.Equal("10.9.0.0/24", (string?)subnet["Subnet"]);
        Assert.Equal("10.9.0.1", (string?)subnet["Gateway"]);
        Assert.Equal("10.9.0.10", (string?)subnet["LeaseRange"]!["StartIP"]);
        var eth0 = view["Containers"]!["abc"]!["Interfaces"]!["eth0"]!;
        Assert.Equal("web", (string?)view["Containers"]!["abc"]!["Name"]);
        Assert.Equal("10.9.0.2/24", (string?)eth0["Subnets"]![0]!["IPNet"]);
        Assert.Equal("aa", (string?)eth0["MacAddress"]);
    }
}
