using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Contracts.Hooks;

namespace Modular.Engine.Events;

/// <summary>
/// Podman's event JSON, as <c>podman events --format json</c> prints it (Podman 5):
/// <c>ContainerExitCode</c> (when known), <c>ID</c>, <c>Image</c>, <c>Name</c>,
/// <c>Status</c>, <c>Type</c>, <c>time</c> (Unix seconds), <c>timeNano</c> and
/// <c>Attributes</c>. The log file holds one such object a line.
/// </summary>
/// <remarks>
/// In <see cref="EngineEvent.Attributes"/>, the key <c>image</c> fills <c>Image</c> and the
/// key <c>exitCode</c> fills <c>ContainerExitCode</c>; every other key stays an attribute.
/// </remarks>
public static class EventJson
{
    public const string ImageAttribute = "image";
    public const string ExitCodeAttribute = "exitCode";

    public static JsonObject ToJson(EngineEvent engineEvent)
    {
        var json = new JsonObject();
        if (engineEvent.Attributes.TryGetValue(ExitCodeAttribute, out var exitText)
            && int.TryParse(exitText, CultureInfo.InvariantCulture, out var exitCode))
        {
            json["ContainerExitCode"] = exitCode;
        }

        json["ID"] = engineEvent.Id;
        json["Image"] = engineEvent.Attributes.GetValueOrDefault(ImageAttribute) ?? "";
        json["Name"] = engineEvent.Name;
        json["Status"] = engineEvent.Status;
        json["Type"] = engineEvent.Type;
        json["time"] = engineEvent.Time.ToUnixTimeSeconds();
        json["timeNano"] = UnixNanoseconds(engineEvent.Time);
        json["Attributes"] = Attributes(engineEvent);
        return json;
    }

    /// <summary>Reads one line of the log; null for a line that is not an event.</summary>
    public static EngineEvent? Parse(string line)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject json ? FromJson(json) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static EngineEvent FromJson(JsonObject json)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in json["Attributes"] as JsonObject ?? [])
        {
            attributes[key] = value?.GetValue<string>() ?? "";
        }

        if (json["Image"]?.GetValue<string>() is { Length: > 0 } image)
        {
            attributes[ImageAttribute] = image;
        }

        if (json["ContainerExitCode"] is { } exitCode)
        {
            attributes[ExitCodeAttribute] = exitCode.GetValue<int>().ToString(CultureInfo.InvariantCulture);
        }

        return new EngineEvent(
            json["Type"]?.GetValue<string>() ?? "",
            json["Status"]?.GetValue<string>() ?? "",
            json["ID"]?.GetValue<string>() ?? "",
            json["Name"]?.GetValue<string>() ?? "",
            FromUnixNanoseconds(json["timeNano"]?.GetValue<long>() ?? 0),
            attributes);
    }

    private static JsonObject Attributes(EngineEvent engineEvent)
    {
        var attributes = new JsonObject();
        foreach (var (key, value) in engineEvent.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (key != ExitCodeAttribute)
            {
                attributes[key] = value;
            }
        }

        return attributes;
    }

    private static long UnixNanoseconds(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    private static DateTimeOffset FromUnixNanoseconds(long nanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100);
}
