using System.Text.Json.Nodes;
using Modular.Cli.Output;

namespace Modular.Cli.Tests;

public sealed class ReportFormatterTests
{
    private static readonly Dictionary<string, string> PsOverrides =
        new(ContainerView.HeaderOverrides);

    private static JsonObject Row(string id, string names) => new() { ["ID"] = id, ["Names"] = names, ["CreatedAt"] = "x" };

    [Fact]
    public void Table_prefix_adds_podman_headers_and_aligns_columns()
    {
        var formatter = new ReportFormatter("ps", PsOverrides);

        var output = formatter.Render("table {{.ID}}\\t{{.Names}}", [Row("0123456789ab", "web")], ["ID", "Names"], false);

        Assert.Equal("CONTAINER ID  NAMES\n0123456789ab  web\n", output);
    }

    [Fact]
    public void Spaces_after_table_separate_columns_as_tabs_do()
    {
        var formatter = new ReportFormatter("ps", PsOverrides);

        var output = formatter.Render("table {{ .ID }} {{.Names}}", [Row("0123456789ab", "web")], ["ID", "Names"], false);

        Assert.Equal("CONTAINER ID  NAMES\n0123456789ab  web\n", output);
    }

    [Fact]
    public void Camel_case_fields_become_spaced_upper_case_headers()
    {
        var formatter = new ReportFormatter("ps", new Dictionary<string, string>());

        var output = formatter.Render("table {{.CreatedAt}}", [Row("a", "b")], ["CreatedAt"], false);

        Assert.StartsWith("CREATED AT\n", output);
    }

    [Fact]
    public void Noheading_drops_the_header_row()
    {
        var formatter = new ReportFormatter("ps", PsOverrides);

        var output = formatter.Render("table {{.ID}}\\t{{.Names}}", [Row("abc", "web")], ["ID", "Names"], true);

        Assert.Equal("abc         web\n", output);
    }

    [Fact]
    public void Plain_format_prints_one_line_per_row_without_header()
    {
        var formatter = new ReportFormatter("ps", PsOverrides);

        var output = formatter.Render("{{.Names}}", [Row("a", "one"), Row("b", "two")], ["ID", "Names"], false);

        Assert.Equal("one\ntwo\n", output);
    }

    [Fact]
    public void Header_alone_is_printed_for_an_empty_list()
    {
        var formatter = new ReportFormatter("ps", PsOverrides);

        var output = formatter.Render(ContainerView.DefaultFormat, [], ContainerView.Fields([]), false);

        Assert.Equal("CONTAINER ID  IMAGE       COMMAND     CREATED     STATUS      PORTS       NAMES\n", output);
    }

    [Theory]
    [InlineData("ID", "ID")]
    [InlineData("CreatedAt", "CREATED AT")]
    [InlineData("ImageID", "IMAGE ID")]
    [InlineData("Names", "NAMES")]
    public void Header_names_split_camel_case(string field, string header)
    {
        Assert.Equal(header, ReportFormatter.HeaderFor(field));
    }
}
