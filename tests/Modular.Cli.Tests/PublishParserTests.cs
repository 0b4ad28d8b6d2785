using Modular.Cli.Errors;
using Modular.Cli.Parsing;
using Modular.Contracts.Network;
using Xunit;

namespace Modular.Cli.Tests;

public sealed class PublishParserTests
{
    [Theory]
    [InlineData("8080", "", 8080, 0, 1, "tcp")]
    [InlineData("80:8080", "", 8080, 80, 1, "tcp")]
    [InlineData("127.0.0.1:80:8080", "127.0.0.1", 8080, 80, 1, "tcp")]
    [InlineData("127.0.0.1::80", "127.0.0.1", 80, 0, 1, "tcp")]
    [InlineData("3000-3001", "", 3000, 0, 2, "tcp")]
    [InlineData("8000-8001:3000-3001", "", 3000, 8000, 2, "tcp")]
    [InlineData("53:53/udp", "", 53, 53, 1, "udp")]
    [InlineData("80/tcp", "", 80, 0, 1, "tcp")]
    [InlineData("[::1]:80:80", "::1", 80, 80, 1, "tcp")]
    public void Each_publish_form_parses_as_podman_reads_it(
        string value, string hostIp, int containerPort, int hostPort, int range, string protocol)
    {
        var mapping = Assert.Single(PublishParser.ParseOne(value));

        Assert.Equal(new PortMapping(hostIp, containerPort, hostPort, range, protocol), mapping);
    }

    [Fact]
    public void A_protocol_list_gives_one_mapping_per_protocol()
    {
        var mappings = PublishParser.ParseOne("53:53/tcp,udp").ToList();

        Assert.Equal(["tcp", "udp"], mappings.Select(m => m.Protocol));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("80/xyz")]
    [InlineData("8000-8002:3000-3001")]
    [InlineData("::1:80:80")]
    [InlineData("300.1.1.1:80:80")]
    public void Bad_publish_values_are_refused_naming_the_value(string value)
    {
        var error = Assert.Throws<UsageException>(() => PublishParser.ParseOne(value).ToList());

        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }
}
