using Modular.Contracts.Errors;
using Modular.Engine.Build.Syntax;
using Xunit;

namespace Modular.Engine.Tests.Build.Syntax;

/// <summary>The file structure: directives, continuations, comments, stages, errors.</summary>
public sealed class ContainerfileParserTests
{
    private static string Error(string text) =>
        Assert.ThrowsAny<ModularException>(() => ContainerfileParser.Parse(text)).Message;

    private static Instruction Single(string instruction) =>
        ContainerfileParser.Parse("FROM scratch\n" + instruction).Stages[0].Instructions.Single();

    [Fact]
    public void Stages_keep_their_index_name_and_instructions_in_order()
    {
        var file = ContainerfileParser.Parse("""
            ARG BASE=busybox
            FROM $BASE AS Build
            RUN make
            FROM --platform=linux/amd64 busybox
            COPY --from=build /out /out
            """);

        Assert.Single(file.GlobalArgs);
        Assert.Equal(2, file.Stages.Count);
        Assert.Equal("build", file.Stages[0].Name);
        Assert.Equal("$BASE", file.Stages[0].From.Image);
        Assert.Equal("linux/amd64", file.Stages[1].From.Platform);
        Assert.Null(file.Stages[1].Name);
        Assert.Equal(2, file.Stages[1].StepCount);
        Assert.Same(file.Stages[0], file.FindStage("BUILD"));
        Assert.Same(file.Stages[1], file.FindStage("1"));
        Assert.Null(file.FindStage("1", before: 1));
    }

    [Fact]
    public void Continuations_join_lines_and_drop_comments_and_empty_lines_inside()
    {
        var run = (RunInstruction)Single("RUN echo a \\\n# a comment\n\n   && echo b \\  \n  c");

        Assert.Equal("RUN echo a    && echo b   c", run.Original);
        Assert.Equal(2, run.Line);
        Assert.Equal(["echo a    && echo b   c"], run.Command.Words);
    }

    [Fact]
    public void Crlf_and_a_byte_order_mark_are_accepted()
    {
        var file = ContainerfileParser.Parse("\uFEFFFROM scratch\r\nENV A=1 \\\r\n B=2\r\n");

        var env = (EnvInstruction)file.Stages[0].Instructions[0];
        Assert.Equal(["A", "B"], env.Variables.Select(v => v.Key));
        Assert.Equal("2", env.Variables[1].Value);
    }

    [Fact]
    public void Directives_are_read_only_at_the_top()
    {
        var file = ContainerfileParser.Parse("# syntax=docker/dockerfile:1\n# escape=`\nFROM scratch\nRUN a `\n b");
        var late = ContainerfileParser.Parse("# a comment\n# escape=`\nFROM scratch\nRUN a `\nRUN b");

        Assert.Equal("docker/dockerfile:1", file.Directives.Syntax);
        Assert.Equal('`', file.Directives.Escape);
        Assert.Equal("RUN a  b", file.Stages[0].Instructions[0].Original);
        Assert.Equal('\\', late.Directives.Escape);
        Assert.Equal(2, late.Stages[0].Instructions.Count);
    }

    [Theory]
    [InlineData("# escape=x\nFROM scratch", "invalid escape token 'x' does not match ` or \\")]
    [InlineData("# escape=`\n# escape=\\\nFROM scratch", "only one escape parser directive can be used")]
    [InlineData("FROM scratch\nFOO bar", "building at STEP \"FOO \": Build error: Unknown instruction: \"FOO\"")]
    [InlineData("# only a comment", "no FROM statement found")]
    [InlineData("FROM a b", "FROM requires either one or three arguments")]
    [InlineData("FROM a AS 1x", "invalid name for build stage: \"1x\"")]
    [InlineData("FROM scratch\nCOPY a", "COPY requires at least two arguments")]
    [InlineData("FROM scratch\nCOPY --nope=1 a b", "unknown flag: nope")]
    [InlineData("FROM scratch\nADD --from=x a b", "unknown flag: from")]
    [InlineData("FROM scratch\nSHELL /bin/sh -c", "SHELL requires the arguments to be in JSON form")]
    [InlineData("FROM scratch\nENV", "ENV requires at least one argument")]
    [InlineData("FROM scratch\nENV A", "ENV must have two arguments")]
    [InlineData("FROM scratch\nLABEL a=1 b", "Syntax error - can't find = in \"b\". Must be of the form: name=value")]
    [InlineData("FROM scratch\nARG =x", "ARG names can not be blank")]
    [InlineData("FROM scratch\nWORKDIR", "WORKDIR requires exactly one argument")]
    [InlineData("FROM scratch\nVOLUME [\"\"]", "VOLUME specified can not be an empty string")]
    [InlineData("FROM scratch\nONBUILD ONBUILD RUN x", "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed")]
    [InlineData("FROM scratch\nONBUILD FROM x", "FROM isn't allowed as an ONBUILD trigger")]
    [InlineData("FROM scratch\nONBUILD MAINTAINER x", "MAINTAINER isn't allowed as an ONBUILD trigger")]
    [InlineData("FROM scratch\nRUN <<EOF\nno end", "unterminated heredoc")]
    [InlineData("FROM scratch\nCOPY a", "building at STEP \"COPY a\": COPY requires at least two arguments")]
    [InlineData("FROM scratch\nCOPY --chown=a --chown=b x y", "Duplicate flag specified: chown")]
    [InlineData("FROM scratch\nCOPY --link=maybe x y", "expecting boolean value for flag link, not: maybe")]
    public void Bad_input_is_refused_with_buildkits_words(string text, string expected)
    {
        Assert.Contains(expected, Error(text));
    }

    [Fact]
    public void An_unknown_instruction_fails_as_buildahs_step_and_keeps_its_line()
    {
        var error = Assert.Throws<InvalidInputException>(() => ContainerfileParser.Parse("FROM scratch\n\ncop a b"));

        Assert.Equal("building at STEP \"COP \": Build error: Unknown instruction: \"COP\"", error.Message);
        Assert.Equal(3, ContainerfileParser.LineOf(error));
    }

    [Fact]
    public void File_level_errors_name_the_file_as_buildah_does()
    {
        var error = Assert.Throws<InvalidInputException>(
            () => ContainerfileParser.Parse("FROM scratch\nENV A", "ctx/Containerfile"));

        Assert.Equal("parsing main Dockerfile: ctx/Containerfile: ENV must have two arguments", error.Message);
        Assert.Equal(2, ContainerfileParser.LineOf(error));
    }

    [Fact]
    public void Instructions_other_than_arg_before_the_first_from_are_ignored_as_buildah_does()
    {
        var file = ContainerfileParser.Parse("LABEL x=1\nARG A=1\nFROM scratch");

        Assert.Single(file.GlobalArgs);
        Assert.Empty(file.Stages[0].Instructions);
    }

    [Fact]
    public void Keywords_are_case_insensitive()
    {
        var file = ContainerfileParser.Parse("from scratch as base\nrun echo hi");

        Assert.Equal("base", file.Stages[0].Name);
        Assert.IsType<RunInstruction>(file.Stages[0].Instructions[0]);
        Assert.Equal("run echo hi", file.Stages[0].Instructions[0].StepText);
    }

    [Fact]
    public void A_single_instruction_parses_for_onbuild_triggers_and_changes()
    {
        var cmd = (CmdInstruction)ContainerfileParser.ParseInstruction("CMD [\"a\", \"b\"]");

        Assert.True(cmd.Command.IsExec);
        Assert.Equal(["a", "b"], cmd.Command.Words);
    }
}
