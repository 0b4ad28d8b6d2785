using System.Text.Json.Nodes;
using Modular.Cli.Templates;

namespace Modular.Cli.Tests;

public sealed class GoTemplateTests
{
    private static readonly JsonObject Data = (JsonObject)JsonNode.Parse("""
        {
          "ID": "0123456789ab",
          "Names": "web",
          "State": { "ExitCode": 3, "Running": false },
          "RepoTags": ["localhost/a:1", "localhost:5000/team/b:2"],
          "Labels": { "tier": "front" },
          "Empty": [],
          "Size": 1240000,
          "Name": "Mixed Case"
        }
        """)!;

    private static string Run(string template, JsonNode? data = null) =>
        GoTemplate.Parse("t", template).Execute(data ?? Data);

    [Theory]
    [InlineData("{{.ID}}", "0123456789ab")]
    [InlineData("{{.State.ExitCode}}", "3")]
    [InlineData("{{.State.Running}}", "false")]
    [InlineData("id={{.ID}} name={{.Names}}", "id=0123456789ab name=web")]
    [InlineData("{{.RepoTags}}", "[localhost/a:1 localhost:5000/team/b:2]")]
    [InlineData("{{.Labels}}", "map[tier:front]")]
    [InlineData("{{.Labels.tier}}", "front")]
    [InlineData("{{.Labels.absent}}", "<no value>")]
    [InlineData("{{.Size}}", "1240000")]
    public void Fields_and_nested_fields_print_as_go_prints_them(string template, string expected)
    {
        Assert.Equal(expected, Run(template));
    }

    [Theory]
    [InlineData("{{json .RepoTags}}", "[\"localhost/a:1\",\"localhost:5000/team/b:2\"]")]
    [InlineData("{{json .State}}", "{\"ExitCode\":3,\"Running\":false}")]
    [InlineData("{{json .Names}}", "\"web\"")]
    public void Json_function_prints_compact_json(string template, string expected)
    {
        Assert.Equal(expected, Run(template));
    }

    [Fact]
    public void Json_of_dot_prints_the_whole_object_on_one_line()
    {
        var output = Run("{{json .}}", JsonNode.Parse("""{"A":1,"B":"x"}"""));

        Assert.Equal("{\"A\":1,\"B\":\"x\"}", output);
    }

    [Theory]
    [InlineData("{{range .RepoTags}}{{.}} {{end}}", "localhost/a:1 localhost:5000/team/b:2 ")]
    [InlineData("{{range $i, $t := .RepoTags}}{{$i}}={{$t}};{{end}}", "0=localhost/a:1;1=localhost:5000/team/b:2;")]
    [InlineData("{{range .Empty}}x{{else}}none{{end}}", "none")]
    [InlineData("{{range $k, $v := .Labels}}{{$k}}:{{$v}}{{end}}", "tier:front")]
    [InlineData("{{range .RepoTags}}{{$.Names}}{{end}}", "webweb")]
    public void Range_iterates_lists_and_maps(string template, string expected)
    {
        Assert.Equal(expected, Run(template));
    }

    [Theory]
    [InlineData("{{if .State.Running}}up{{else}}down{{end}}", "down")]
    [InlineData("{{if .Names}}named{{end}}", "named")]
    [InlineData("{{if .Empty}}a{{else if .Names}}b{{else}}c{{end}}", "b")]
    [InlineData("{{if eq .State.ExitCode 3}}three{{end}}", "three")]
    [InlineData("{{if and .Names (not .State.Running)}}ok{{end}}", "ok")]
    [InlineData("{{with .Labels}}{{.tier}}{{end}}", "front")]
    public void If_else_and_with_follow_go_truth(string template, string expected)
    {
        Assert.Equal(expected, Run(template));
    }

    [Theory]
    [InlineData("{{index .RepoTags 1}}", "localhost:5000/team/b:2")]
    [InlineData("{{index .Labels \"tier\"}}", "front")]
    [InlineData("{{printf \"%s-%d\" .Names .State.ExitCode}}", "web-3")]
    [InlineData("{{printf \"%-6s|\" .Names}}", "web   |")]
    [InlineData("{{printf \"%q\" .Names}}", "\"web\"")]
    [InlineData("{{upper .Names}}", "WEB")]
    [InlineData("{{lower .Name}}", "mixed case")]
    [InlineData("{{join .RepoTags \",\"}}", "localhost/a:1,localhost:5000/team/b:2")]
    [InlineData("{{truncate .ID 4}}", "0123")]
    [InlineData("{{len .RepoTags}}", "2")]
    [InlineData("{{len .Names}}", "3")]
    [InlineData("{{.Names | upper}}", "WEB")]
    [InlineData("{{truncate .ID 5 | upper}}", "01234")]
    [InlineData("{{.Names | printf \"<%s>\"}}", "<web>")]
    public void Functions_and_pipelines_work(string template, string expected)
    {
        Assert.Equal(expected, Run(template));
    }

    [Fact]
    public void Comments_print_nothing()
    {
        Assert.Equal("web", Run("{{/* the name */}}{{.Names}}"));
    }

    [Fact]
    public void Trim_markers_remove_surrounding_space()
    {
        Assert.Equal("a,b", Run("a, {{- \"\" -}} \n b"));
    }

    [Theory]
    [InlineData("{{.ID")]
    [InlineData("{{nosuchfunc .ID}}")]
    [InlineData("{{if .ID}}x")]
    [InlineData("{{end}}")]
    public void Bad_syntax_is_a_template_error(string template)
    {
        var error = Assert.Throws<TemplateException>(() => GoTemplate.Parse("ps", template));

        Assert.StartsWith("template: ps:", error.Message);
    }

    [Fact]
    public void Unknown_field_of_the_report_fails_like_a_go_struct()
    {
        var error = Assert.Throws<TemplateException>(() => Run("{{.NoSuchField}}"));

        Assert.Contains("can't evaluate field NoSuchField", error.Message);
    }

    [Theory]
    [InlineData("{{.State}}", "{3 false}")]
    [InlineData("{{.HostConfig.Ulimits}}", "[{RLIMIT_CORE -1 -1} {RLIMIT_NOFILE 1024 2048}]")]
    [InlineData("{{.HostConfig.LogConfig}}", "{k8s-file map[Path:/x]}")]
    [InlineData("{{.Config.Labels}}", "map[Tier:front]")]
    public void Structs_print_their_values_in_braces_and_maps_stay_maps(string template, string expected)
    {
        var data = JsonNode.Parse("""
            {
              "State": { "ExitCode": 3, "Running": false },
              "HostConfig": {
                "Ulimits": [
                  { "Name": "RLIMIT_CORE", "Soft": -1, "Hard": -1 },
                  { "Name": "RLIMIT_NOFILE", "Soft": 1024, "Hard": 2048 }
                ],
                "LogConfig": { "Type": "k8s-file", "Config": { "Path": "/x" } }
              },
              "Config": { "Labels": { "Tier": "front" } }
            }
            """);

        Assert.Equal(expected, Run(template, data));
    }
}
