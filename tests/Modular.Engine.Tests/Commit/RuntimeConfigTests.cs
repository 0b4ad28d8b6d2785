using System.Text.Json.Nodes;
using Modular.Engine.Commit;
using Modular.Engine.Images.Transports;
using Xunit;

namespace Modular.Engine.Tests.Commit;

public sealed class RuntimeConfigTests
{
    [Fact]
    public void Env_replaces_a_variable_by_name_and_appends_a_new_one()
    {
        var config = new JsonObject { ["Env"] = new JsonArray("PATH=/bin", "A=1") };

        RuntimeConfig.SetEnv(config, "A", "2");
        RuntimeConfig.SetEnv(config, "B", "x=y");

        Assert.Equal(["PATH=/bin", "A=2", "B=x=y"], RuntimeConfig.List(config, "Env"));
    }

    [Fact]
    public void Changes_merge_labels_ports_and_env_and_replace_the_command()
    {
        var config = new JsonObject
        {
            ["Env"] = new JsonArray("A=1"),
            ["Labels"] = new JsonObject { ["keep"] = "yes" },
            ["Cmd"] = new JsonArray("sh"),
        };

        RuntimeConfig.Merge(config, ConfigChanges.Apply(["ENV A=3", "LABEL new=1", "EXPOSE 80", "CMD [\"echo\"]"]));

        Assert.Equal(["A=3"], RuntimeConfig.List(config, "Env"));
        Assert.Equal("yes", config["Labels"]!["keep"]!.GetValue<string>());
        Assert.Equal("1", config["Labels"]!["new"]!.GetValue<string>());
        Assert.NotNull(config["ExposedPorts"]!["80/tcp"]);
        Assert.Equal(["echo"], RuntimeConfig.List(config, "Cmd"));
    }

    [Fact]
    public void The_oci_format_drops_dockers_own_keys()
    {
        var config = new JsonObject
        {
            ["Cmd"] = new JsonArray("sh"),
            ["Healthcheck"] = new JsonObject { ["Test"] = new JsonArray("NONE") },
            ["OnBuild"] = new JsonArray("RUN true"),
            ["Shell"] = new JsonArray("/bin/sh", "-c"),
        };

        var oci = RuntimeConfig.ForFormat(config, docker: false);
        var docker = RuntimeConfig.ForFormat(config, docker: true);

        Assert.Equal(["Cmd"], oci.Select(p => p.Key));
        Assert.Equal(4, docker.Count);
    }
}
