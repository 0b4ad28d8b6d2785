using Modular.Cli.Output;

namespace Modular.Cli.Tests;

public sealed class TabWriterTests
{
    [Fact]
    public void Columns_are_at_least_twelve_wide_with_two_spaces_of_padding()
    {
        var output = TabWriter.Align("a\tb\tc\nlonger-than-twelve\tx\ty");

        Assert.Equal("a                   b           c\nlonger-than-twelve  x           y", output);
    }

    [Fact]
    public void The_last_cell_of_a_line_is_not_padded()
    {
        Assert.Equal("REPOSITORY  TAG", TabWriter.Align("REPOSITORY\tTAG"));
    }

    [Fact]
    public void Lines_without_tabs_break_the_column_block()
    {
        var output = TabWriter.Align("aaaaaaaaaaaaaaa\tb\nplain\nc\td");

        Assert.Equal("aaaaaaaaaaaaaaa  b\nplain\nc           d", output);
    }
}
