using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Api.Libpod;
using Modular.Api.Shared;
using Modular.Contracts.Errors;
using Modular.Engine.Secrets;

namespace Modular.Api.Compat;

/// <summary>Docker's /secrets, as Podman's compat handlers answer them.</summary>
public static class SecretRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/secrets", (Delegate)List);
        app.MapPost("/secrets/create", (Delegate)Create);
        app.MapGet("/secrets/{name}", Inspect);
        app.MapDelete("/secrets/{name}", Remove);
    }

    private static async Task<IResult> List(HttpContext http)
    {
        var filters = QueryFilters.Parse(http).Select(p => p.Key + "=" + p.Value).ToList();
        var secrets = await LibpodSecretRoutes.Secrets(http).ListAsync(filters, http.RequestAborted);
        return DockerJson.Result(new JsonArray([.. secrets.Select(s => (JsonNode)Compat(s))]));
    }

    private static async Task<IResult> Inspect(string name, HttpContext http) =>
        DockerJson.Result(Compat(await LibpodSecretRoutes.Secrets(http).GetAsync(name, http.RequestAborted)));

    /// <summary>Body: {"Name", "Data" (base64), "Labels", "Driver": {"Name", "Options"}}; 201 {"ID"}.</summary>
    private static async Task<IResult> Create(HttpContext http)
    {
        var body = await RequestBody.ReadObjectAsync(http);
        byte[] data;
        try
        {
            data = Convert.FromBase64String(body.Text("Data") ?? "");
        }
        catch (FormatException e)
        {
            throw new InvalidInputException($"decoding secret data: {e.Message}", e);
        }

        var driver = body["Driver"] as JsonObject;
        var request = new SecretCreateRequest(
            body.Text("Name") ?? "",
            data,
            driver?.Text("Name"),
            Strings(driver?["Options"]),
            Strings(body["Labels"]));
        var secret = await LibpodSecretRoutes.Secrets(http).CreateAsync(request, http.RequestAborted);
        return DockerJson.Result(new JsonObject { ["ID"] = secret.Id }, StatusCodes.Status201Created);
    }

    private static async Task<IResult> Remove(string name, HttpContext http)
    {
        await LibpodSecretRoutes.Secrets(http).RemoveAsync(name, http.RequestAborted);
        return Results.NoContent();
    }

    // Podman's compat report: the libpod one plus Docker's Version index.
    private static JsonObject Compat(SecretRecord secret)
    {
        var report = SecretJson.Inspect(secret);
        report["Version"] = new JsonObject { ["Index"] = 1 };
        return report;
    }

    private static Dictionary<string, string> Strings(JsonNode? node) =>
        (node as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "");
}
