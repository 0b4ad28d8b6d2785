using System.Text.Json.Nodes;
using Modular.Engine.Containers;

namespace Modular.Remote.Services;

/// <summary>Docker's and Podman's top body, {"Titles":[...],"Processes":[[...]]}, as top's table.</summary>
internal static class ProcessTableJson
{
    public static ContainerProcessTable From(JsonNode? answer)
    {
        var titles = Cells(answer?["Titles"]);
        var rows = (answer?["Processes"] as JsonArray ?? [])
            .Select(row => (IReadOnlyList<string>)Cells(row))
            .ToList();
        return new ContainerProcessTable(titles, rows);
    }

    private static List<string> Cells(JsonNode? row) =>
        (row as JsonArray ?? []).Select(cell => cell?.ToString() ?? "").ToList();
}
