using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Modular.Api.Compat;

/// <summary>JSON answers with keys spelled exactly as built (Docker's PascalCase).</summary>
public static class DockerJson
{
    // Docker writes <, > and & as they are; the default encoder would escape them.
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Result(JsonNode node, int status = StatusCodes.Status200OK) =>
        Results.Content(Text(node), "application/json", statusCode: status);

    public static string Text(JsonNode node) => node.ToJsonString(Options);
}
