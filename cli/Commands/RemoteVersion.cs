using System.Globalization;
using System.Text.Json.Nodes;

namespace Modular.Cli.Commands;

/// <summary>
/// The Server block of <c>version</c> from GET /libpod/version, with the Client block's keys,
/// as podman-remote builds it from the "Podman Engine" component's details.
/// </summary>
public static class RemoteVersion
{
    public static JsonObject Server(JsonObject answer)
    {
        var engine = (answer["Components"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(c => c["Name"]?.ToString() == "Podman Engine");
        var details = engine?["Details"] as JsonObject ?? [];
        var built = DateTimeOffset.TryParse(
            details["BuildTime"]?.ToString(),
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var time)
            ? time
            : DateTimeOffset.UnixEpoch;
        var os = details["Os"]?.ToString() ?? "linux";
        return new JsonObject
        {
            ["APIVersion"] = details["APIVersion"]?.ToString() ?? "",
            ["Version"] = engine?["Version"]?.ToString() ?? answer["Version"]?.ToString() ?? "",
            ["GoVersion"] = details["GoVersion"]?.ToString() ?? "",
            ["GitCommit"] = details["GitCommit"]?.ToString() ?? "",
            ["BuiltTime"] = built.ToLocalTime().ToString("ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture),
            ["Built"] = built.ToUnixTimeSeconds(),
            ["OsArch"] = os + "/" + (details["Arch"]?.ToString() ?? ""),
            ["Os"] = os,
        };
    }
}
