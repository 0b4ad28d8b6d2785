using System.Text.Json.Nodes;

namespace Modular.TestImages;

/// <summary>
/// Optional parts of an image config's runtime object that only some images carry:
/// labels, working directory, entrypoint and exposed ports, as Docker's config names them.
/// </summary>
public sealed record ImageRuntimeExtras(
    IReadOnlyDictionary<string, string>? Labels = null,
    string? WorkingDir = null,
    IReadOnlyList<string>? Entrypoint = null,
    IReadOnlyList<string>? ExposedPorts = null)
{
    public void AddTo(JsonObject runtime)
    {
        if (Labels is not null)
        {
            runtime["Labels"] = new JsonObject(
                Labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value)));
        }

        if (WorkingDir is not null)
        {
            runtime["WorkingDir"] = WorkingDir;
        }

        if (Entrypoint is not null)
        {
            runtime["Entrypoint"] = new JsonArray(Entrypoint.Select(e => (JsonNode)e).ToArray());
        }

        if (ExposedPorts is not null)
        {
            runtime["ExposedPorts"] = new JsonObject(
                ExposedPorts.Select(p => KeyValuePair.Create(p, (JsonNode?)new JsonObject())));
        }
    }
}
