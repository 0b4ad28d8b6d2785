using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Modular.Api.Compat;

/// <summary>JSON answers with keys spelled exactly as built (Docker's PascalCase).</summary>
public static class DockerJson
{
    public static IResult Result(JsonNode node, int status = StatusCodes.Status200OK) =>
        Results.Content(node.ToJsonString(), "application/json", statusCode: status);
}
