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
            sb.Append(template.Execute(ImageConfigFields.Fill(WithCheckpointFields(WithGoNames(item), body), body)));
        }

        output.Write(TabWriter.Align(sb.ToString()));
    }

    /// <summary>
    /// Podman's inspect structs name the id field ID (JSON "Id") and rewrite .ImageID to
    /// .Image before executing, so templates may use either spelling; the view carries both.
    /// </summary>
    public static JsonObject WithGoNames(JsonObject item)
    {
        var view = (JsonObject)item.DeepClone();
        if (view["Id"] is { } id && !view.ContainsKey("ID"))
        {
            view["ID"] = id.DeepClone();
        }

        if (view["Image"] is JsonValue image && !view.ContainsKey("ImageID"))
        {
            view["ImageID"] = image.DeepClone();
        }

        // pod inspect's members are structs with an ID field too: (index .Containers 0).ID.
        if (view["Containers"] is JsonArray members)
        {
            foreach (var member in members.OfType<JsonObject>())
            {
                if (member["Id"] is { } memberId && !member.ContainsKey("ID"))
                {
                    member["ID"] = memberId.DeepClone();
                }
            }
        }

        return view;
    }

    private static JsonObject WithCheckpointFields(JsonObject view, string body)
    {
        if (view["State"] is JsonObject state && state.ContainsKey("CheckpointedAt"))
        {
            AddCheckpointFields(state, body);
        }

        return view;
    }

    /// <summary>
    /// Podman's State struct always has the checkpoint fields; only its JSON omits them when
    /// empty, so a template naming one reads false or "" for a container never checkpointed,
    /// while <c>{{json .State}}</c> still omits them as Podman's JSON does.
    /// </summary>
    private static void AddCheckpointFields(JsonObject state, string body)
    {
        foreach (var key in new[] { "Checkpointed", "Restored" })
        {
            if (body.Contains("." + key, StringComparison.Ordinal))
            {
                state.TryAdd(key, false);
            }
        }

        foreach (var key in new[] { "CheckpointPath", "CheckpointLog", "RestoreLog" })
        {
            if (body.Contains("." + key, StringComparison.Ordinal))
            {
                state.TryAdd(key, "");
            }
        }
    }
}
