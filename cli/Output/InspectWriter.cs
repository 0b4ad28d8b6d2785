using System.Text;
using System.Text.Json.Nodes;
using Modular.Cli.Templates;

namespace Modular.Cli.Output;

/// <summary>inspect output: a JSON array, or one template line per object.</summary>
public static class InspectWriter
{
    public static void Write(
        TextWriter output,
        string templateName,
        IReadOnlyList<JsonObject> items,
        string? format)
    {
        if (format is null || JsonOutput.IsJsonFormat(format))
        {
            output.WriteLine(JsonOutput.Array(items));
            return;
        }

        var (body, _) = ReportFormatter.Normalize(format);
        var template = GoTemplate.Parse(templateName, body);
        var sb = new StringBuilder();
        foreach (var item in items)
        {
            sb.Append(template.Execute(item));
        }

        output.Write(TabWriter.Align(sb.ToString()));
    }
}
