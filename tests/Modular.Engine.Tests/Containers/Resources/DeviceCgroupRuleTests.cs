using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Containers.Resources;
using Xunit;

namespace Modular.Engine.Tests.Containers.Resources;

public sealed class DeviceCgroupRuleTests
{
    [Theory]
    [InlineData("c 1:3 mr", "{\"allow\":true,\"type\":\"c\",\"major\":1,\"minor\":3,\"access\":\"mr\"}")]
    [InlineData("b 7:* rmw", "{\"allow\":true,\"type\":\"b\",\"major\":7,\"access\":\"rmw\"}")]
    [InlineData("a 7 rmw", "{\"allow\":true,\"type\":\"a\",\"major\":7,\"access\":\"rmw\"}")]
    [InlineData("c *:* m", "{\"allow\":true,\"type\":\"c\",\"access\":\"m\"}")]
    public void A_rule_becomes_an_allow_entry(string rule, string json) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), DeviceCgroupRule.Parse(rule).ToSpec()));

    [Theory]
    [InlineData("b 7:* rmX", "invalid device access in device-access-add: X")]
    [InlineData("b 7:2", "invalid device cgroup rule requires type, major:Minor, and access rules: \"b 7:2\"")]
    [InlineData("x 7:* rmw", "invalid device type in device-access-add: x")]
    [InlineData("a a:* rmw", "strconv.ParseUint: parsing \"a\": invalid syntax")]
    public void A_bad_rule_fails_with_podmans_text(string rule, string message) =>
        Assert.Equal(message, Assert.Throws<InvalidInputException>(() => DeviceCgroupRule.Parse(rule)).Message);

    [Fact]
    public void Cgroup_conf_needs_key_value_and_cgroup_v2()
    {
        Assert.Equal("--cgroup-conf must be formatted KEY=VALUE",
            Assert.Throws<InvalidInputException>(() => CgroupConf.Parse(["memory.high"], unified: true)).Message);
        Assert.Equal("cannot use --cgroup-conf without cgroup v2",
            Assert.Throws<InvalidInputException>(() => CgroupConf.Parse(["memory.high=1"], unified: false)).Message);
        Assert.Equal("1", CgroupConf.Parse(["memory.high=1"], unified: true)["memory.high"]);
    }
}
