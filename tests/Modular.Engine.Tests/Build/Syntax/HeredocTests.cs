using Modular.Engine.Build.Syntax;
using Xunit;

namespace Modular.Engine.Tests.Build.Syntax;

/// <summary>Heredocs as the Dockerfile reference shows them.</summary>
public sealed class HeredocTests
{
    private static List<Instruction> Body(string text) =>
        ContainerfileParser.Parse("FROM scratch\n" + text).Stages[0].Instructions.ToList();

    [Fact]
    public void A_run_heredoc_alone_runs_its_body_through_the_shell()
    {
        var run = (RunInstruction)Body("RUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nUSER app")[0];

        Assert.Equal("RUN <<EOF", run.Original);
        Assert.Equal("apt-get update\napt-get install -y curl\n", run.Documents[0].Content);
        Assert.Equal(["apt-get update\napt-get install -y curl\n"], run.Script.Words);
        Assert.False(run.Script.IsExec);
        Assert.Null(run.ShebangScript);
        Assert.Equal("RUN <<EOF (apt-get update...)", run.StepText);
    }

    [Fact]
    public void A_shebang_body_is_a_script_to_run_directly()
    {
        var run = (RunInstruction)Body("RUN <<EOT\n#!/usr/bin/env python\nprint(\"hello\")\nEOT")[0];

        Assert.NotNull(run.ShebangScript);
        Assert.Equal("RUN <<EOT (#!/usr/bin/env python...)", run.StepText);
    }

    [Fact]
    public void Several_heredocs_on_one_line_are_handed_to_the_shell_with_their_delimiters()
    {
        var run = (RunInstruction)Body(
            "RUN <<FILE1 cat > file1 && <<FILE2 cat > file2\nI am\nfirst\nFILE1\nI am\nsecond\nFILE2")[0];

        Assert.Equal(["FILE1", "FILE2"], run.Documents.Select(d => d.Name));
        Assert.Equal("I am\nsecond\n", run.Documents[1].Content);
        Assert.Equal(["<<FILE1 cat > file1 && <<FILE2 cat > file2\nI am\nfirst\nFILE1\nI am\nsecond\nFILE2"],
            run.Script.Words);
        Assert.Equal("RUN <<FILE1 cat > file1 && <<FILE2 cat > file2 (I am...) (I am...)", run.StepText);
    }

    [Fact]
    public void Dash_strips_leading_tabs_and_quoted_delimiters_turn_expansion_off()
    {
        var instructions = Body(
            "COPY <<-EOT /a\n\t\tindented\n\tEOT\nCOPY <<\"EOT\" /b\n$HOME\nEOT\nCOPY <<'E O' /c\nx\nE O");
        var (a, b) = ((CopyInstruction)instructions[0], (CopyInstruction)instructions[1]);

        Assert.Equal("indented\n", a.Documents[0].Content);
        Assert.True(a.Documents[0].Chomp);
        Assert.True(a.Documents[0].Expand);
        Assert.False(b.Documents[0].Expand);
        Assert.Equal("$HOME\n", b.Documents[0].Content);
        Assert.Equal(3, instructions.Count);
    }

    [Fact]
    public void Copy_takes_heredocs_as_source_files_and_lines_after_them_continue_the_stage()
    {
        var instructions = Body("COPY <<robots.txt <<humans.txt /usr/share/nginx/html/\n"
            + "(robots)\nrobots.txt\n(humans)\nhumans.txt\nRUN ls");
        var copy = (CopyInstruction)instructions[0];

        Assert.Equal(["<<robots.txt", "<<humans.txt"], copy.Sources);
        Assert.Equal("(humans)\n", copy.HeredocFor("<<humans.txt")!.Content);
        Assert.Null(copy.HeredocFor("file.txt"));
        Assert.IsType<RunInstruction>(instructions[1]);
        Assert.Equal(7, instructions[1].Line);
    }

    [Fact]
    public void Heredocs_are_not_read_for_other_instructions_or_inside_quotes()
    {
        var instructions = Body("LABEL a=\"<<EOF\"\nRUN echo '<<EOF'\nRUN cat<<EOF");

        Assert.Equal(3, instructions.Count);
        Assert.All(instructions, i => Assert.Empty(i.Heredocs));
    }
}
