using Modular.Cli.Parsing;

namespace Modular.Cli.Tests;

public sealed class ArgvSplitterTests
{
    [Fact]
    public void Run_stops_parsing_its_flags_at_the_image()
    {
        var split = ArgvSplitter.Split(["run", "--rm", "-e", "A=1", "img", "sh", "-c", "exit 3"]);

        Assert.Equal(["run", "--rm", "-e", "A=1", "img"], split.ParserArguments);
        Assert.Equal(["sh", "-c", "exit 3"], split.ContainerCommand);
    }

    [Fact]
    public void Hooks_test_splits_at_its_image_like_run_and_keeps_its_own_format_flag()
    {
        var split = ArgvSplitter.Split(
            ["--hooks-dir", "/h", "hooks", "test", "--annotation", "a=b", "--format", "json", "img", "sh", "-c", "x"]);

        Assert.Equal(
            ["--hooks-dir", "/h", "hooks", "test", "--annotation", "a=b", "--format", "json", "img"],
            split.ParserArguments);
        Assert.Equal(["sh", "-c", "x"], split.ContainerCommand);
    }

    [Fact]
    public void Hooks_ls_is_not_split()
    {
        var split = ArgvSplitter.Split(["hooks", "ls", "--format", "json"]);

        Assert.Equal(["hooks", "ls", "--format", "json"], split.ParserArguments);
        Assert.Empty(split.ContainerCommand);
    }

    [Fact]
    public void Global_flags_before_the_verb_and_container_group_are_understood()
    {
        var split = ArgvSplitter.Split(["--root", "/r", "container", "create", "--name", "x", "img", "-d"]);

        Assert.Equal(["--root", "/r", "container", "create", "--name", "x", "img"], split.ParserArguments);
        Assert.Equal(["-d"], split.ContainerCommand);
    }

    [Fact]
    public void An_empty_entrypoint_value_is_not_taken_for_the_image()
    {
        var split = ArgvSplitter.Split(["run", "--entrypoint", "", "img", "echo", "hi"]);

        Assert.Equal(["echo", "hi"], split.ContainerCommand);
    }

    [Fact]
    public void Flags_with_equals_and_switch_bundles_consume_no_value()
    {
        var split = ArgvSplitter.Split(["run", "--entrypoint=", "-di", "img", "true"]);

        Assert.Equal(["run", "--entrypoint", "", "-di", "img"], split.ParserArguments);
    }

    [Fact]
    public void Other_commands_are_left_alone()
    {
        var split = ArgvSplitter.Split(["ps", "-a", "--format", "{{.ID}}"]);

        Assert.Equal(["ps", "-a", "--format", "{{.ID}}"], split.ParserArguments);
        Assert.Empty(split.ContainerCommand);
    }
}
