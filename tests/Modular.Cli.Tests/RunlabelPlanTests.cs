using Modular.Cli.Commands;
using Modular.Cli.Parsing;
using Xunit;

namespace Modular.Cli.Tests;

/// <summary>runlabel's word splitting and Podman's substitutions, without running anything.</summary>
public sealed class RunlabelPlanTests
{
    private static readonly Dictionary<string, string> NoOptions = [];

    [Fact]
    public void Shell_words_follow_quotes_escapes_and_comments()
    {
        Assert.Equal(["a", "b c", "d\"e", "f g", "h"], ShellWords.Split("a 'b c' \"d\\\"e\" f\\ g h # comment"));
        Assert.Throws<Contracts.Errors.InvalidInputException>(() => ShellWords.Split("a 'b"));
    }

    [Fact]
    public void Image_and_name_are_substituted_in_every_spelling_Podman_knows()
    {
        var command = RunlabelPlan.Build(
            "podman run --name NAME -e NAME=NAME -e IMAGE=IMAGE -v /x:/${NAME} IMAGE $IMAGE --label=IMAGE",
            ["extra"],
            "quay.io/a/b:1",
            "b",
            "/usr/bin/modpod",
            NoOptions);

        Assert.Equal(
            ["/usr/bin/modpod", "run", "--name", "b", "-e", "NAME=b", "-e", "IMAGE=quay.io/a/b:1",
                "-v", "/x:/b", "quay.io/a/b:1", "quay.io/a/b:1", "--label=quay.io/a/b:1", "extra"],
            command);
    }

    [Fact]
    public void Opt_values_expand_and_unknown_variables_expand_to_nothing()
    {
        var options = new Dictionary<string, string> { ["OPT1"] = "one" };

        var command = RunlabelPlan.Build("echo $OPT1 ${OPT2}x $UNKNOWN end $", [], "img", "n", "/m", options);

        Assert.Equal(["echo", "one", "x", "end", "$"], command);
    }

    [Theory]
    [InlineData("quay.io/ns/app:v2", "sha256abc", "quay.io/ns/app:v2", "app")]
    [InlineData("localhost/app:latest", "0123456789ab", "0123", "app")]
    [InlineData("localhost/app:latest", "0123456789ab", "other/name", "name")]
    public void The_default_name_is_the_images_last_path_part_without_tag(
        string imageName, string id, string input, string expected) =>
        Assert.Equal(expected, RunlabelPlan.DefaultName(imageName, id, input));

    [Fact]
    public void Docker_as_the_program_means_this_binary_too()
    {
        Assert.Equal("/m", RunlabelPlan.Build("/usr/bin/docker ps", [], "i", "n", "/m", NoOptions)[0]);
        Assert.Equal("true", RunlabelPlan.Build("true", [], "i", "n", "/m", NoOptions)[0]);
    }
}
