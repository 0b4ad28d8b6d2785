using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;

namespace Modular.Api.Libpod;

/// <summary>Reshaping the CLI's JSON output where a route answers one object, not a list.</summary>
public static class LibpodJson
{
    /// <summary>
    /// Go reads times from the raw JSON bytes without unescaping: "+00:00" must stay as
    /// is, not become "\u002B00:00" as the default encoder writes it.
    /// </summary>
    public static readonly JsonSerializerOptions Relaxed = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A JSON body written with <see cref="Relaxed"/> escaping.</summary>
    public static IResult Body(JsonNode node, int status = StatusCodes.Status200OK) =>
        Results.Text(node.ToJsonString(Relaxed), "application/json", null, status);

    /// <summary>The first element of a JSON array (inspect prints one), or the text when not an array.</summary>
    public static string First(string json)
    {
        var node = JsonNode.Parse(json);
        return node is JsonArray { Count: > 0 } array ? array[0]!.ToJsonString(Relaxed) : json;
    }

    /// <summary>
    /// Container inspect as the client's API level reads it: before 5.0 Podman sent
    /// Config.Entrypoint as one string (the words joined by spaces), and 4.x clients
    /// refuse an array there.
    /// </summary>
    public static JsonObject ContainerInspectFor(HttpContext http, JsonObject inspect)
    {
        if (MajorVersion(http) is { } major && major < 5
            && inspect["Config"] is JsonObject config && config["Entrypoint"] is JsonArray words)
        {
            config["Entrypoint"] = string.Join(' ', words.Select(w => w?.ToString()));
        }

        UnsetSwappiness(inspect);
        return inspect;
    }

    /// <summary>
    /// Both API trees leave HostConfig.MemorySwappiness unset (null) when no swappiness was
    /// asked for, where the CLI's inspect prints -1 (0 without a memory limit). Limitation:
    /// an explicit --memory-swappiness 0 is shown as unset too.
    /// </summary>
    public static void UnsetSwappiness(JsonObject inspect)
    {
        if (inspect["HostConfig"] is JsonObject host
            && host["MemorySwappiness"] is JsonValue value
            && value.TryGetValue<long>(out var swappiness) && swappiness is -1 or 0)
        {
            host["MemorySwappiness"] = null;
        }
    }

    /// <summary>The major of the libpod API level the client asked for, or null when bare.</summary>
    public static int? MajorVersion(HttpContext http)
    {
        var version = http.Version();
        return version is null ? null
            : int.TryParse(version.Split('.')[0], out var major) ? major : null;
    }
}
