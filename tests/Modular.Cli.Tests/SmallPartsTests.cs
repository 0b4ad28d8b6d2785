using System.Text.Json.Nodes;
using Modular.Cli.Commands;
using Modular.Cli.Output;
using Modular.Cli.Parsing;
using Modular.Contracts.Hooks;
using Modular.Engine.Containers;

namespace Modular.Cli.Tests;

public sealed class SmallPartsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("10m", "2026-12-04T11:50:00+00:00")]
    [InlineData("1h30m", "2026-12-04T10:30:00+00:00")]
    [InlineData("1764849600", "2025-12-04T12:00:00+00:00")]
    [InlineData("2026-12-04T11:00:00Z", "2026-12-04T11:00:00+00:00")]
    public void Since_and_until_accept_rfc3339_unix_seconds_and_durations(
        string text,
        string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected), TimeArgument.Parse(text, Now));
    }

    [Fact]
    public void A_time_that_is_none_of_those_is_refused()
    {
        Assert.Throws<Modular.Cli.Errors.UsageException>(() => TimeArgument.Parse("yesterday", Now));
    }

    [Fact]
    public void Env_files_skip_comments_and_copy_bare_names_from_the_host()
    {
        var lines = new[] { "# comment", "", "A=1", "HOSTVAR", "MISSING", "B=x=y" };

        var env = EnvironmentResolver.ParseFileLines(lines, n => n == "HOSTVAR" ? "h" : null);

        Assert.Equal(["A=1", "HOSTVAR=h", "B=x=y"], env);
    }

    [Fact]
    public void Logs_join_partial_lines_and_prefix_timestamps_on_request()
    {
        var partial = new LogLine(Now, "stdout", true, "abc");
        var full = new LogLine(Now, "stdout", false, "def");

        Assert.Equal("abcdef\n", LogsCommand.Format(partial, false) + LogsCommand.Format(full, false));
        Assert.StartsWith("2026-12-04T12:00:00Z def", LogsCommand.Format(full, true));
    }

    [Fact]
    public void Container_events_print_as_podman_prints_them()
    {
        var e = new EngineEvent("container", "start", "abc", "web", Now,
            new Dictionary<string, string> { ["image"] = "localhost/busybox:latest", ["name"] = "web" });

        Assert.Equal("2026-12-04 12:00:00 +0000 UTC container start abc (image=localhost/busybox:latest, name=web)", EventView.Human(e));
        Assert.Equal("localhost/busybox:latest", EventView.From(e)["Image"]!.GetValue<string>());
    }

    [Fact]
    public void Event_filters_of_one_key_are_alternatives_and_keys_combine()
    {
        var match = EventsCommand.Matcher(["type=container", "event=start", "event=died"]);
        EngineEvent Make(string type, string status) => new(type, status, "i", "n", Now, new Dictionary<string, string>());

        Assert.True(match(Make("container", "died")));
        Assert.False(match(Make("image", "start")));
        Assert.False(match(Make("container", "create")));
    }

    [Fact]
    public void Info_yaml_nests_maps_and_lists()
    {
        var info = JsonNode.Parse("""{"host":{"arch":"amd64","ociRuntime":{"name":"crun"}},"plugins":[{"id":"crun"}],"empty":{}}""");

        var yaml = YamlWriter.Write(info);

        Assert.Equal("host:\n  arch: amd64\n  ociRuntime:\n    name: crun\nplugins:\n  -\n    id: crun\nempty: {}\n", yaml);
    }

    [Theory]
    [InlineData("localhost:5000/team/ref03:20240101", "localhost:5000/team/ref03", "20240101")]
    [InlineData("localhost:5000/team/ref03", "localhost:5000/team/ref03", "<none>")]
    [InlineData("localhost/busybox@sha256:abc", "localhost/busybox", "<none>")]
    [InlineData("", "<none>", "<none>")]
    public void Names_split_into_repository_and_tag_at_the_last_colon_after_the_last_slash(
        string name,
        string repository,
        string tag)
    {
        Assert.Equal((repository, tag), ImageView.SplitName(name));
    }

    [Theory]
    [InlineData("localhost/busybox:latest", "busybox", true)]
    [InlineData("localhost/busybox:latest", "localhost/busybox", true)]
    [InlineData("localhost/busybox:latest", "busy*", true)]
    [InlineData("localhost/busybox:latest", "localhost/busybox:latest", true)]
    [InlineData("localhost/busybox:latest", "alpine", false)]
    public void Reference_filters_match_names_with_or_without_tags(
        string name,
        string pattern,
        bool expected)
    {
        Assert.Equal(expected, ImagesCommand.MatchesReference(name, pattern));
    }

    [Fact]
    public void Podman_json_is_indented_by_four_spaces()
    {
        Assert.Equal("[\n    {\n        \"A\": 1\n    }\n]", JsonOutput.Array([new JsonObject { ["A"] = 1 }]).ReplaceLineEndings("\n"));
    }
}
