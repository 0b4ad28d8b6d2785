using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Secrets;

namespace Modular.Api.Libpod;

/// <summary>/libpod/secrets: create (the body is the data), list, inspect, exists, remove.</summary>
public static class LibpodSecretRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/libpod/secrets/create", (Delegate)Create);
        app.MapGet("/libpod/secrets/json", (Delegate)List);
        app.MapGet("/libpod/secrets/{name}/json", Inspect);
        app.MapGet("/libpod/secrets/{name}/exists", Exists);
        app.MapDelete("/libpod/secrets/{name}", Remove);
    }

    public static ISecretService Secrets(HttpContext http) =>
        http.RequestServices.GetRequiredService<CliContext>().Services.GetRequiredService<ISecretService>();

    private static async Task<IResult> Create(HttpContext http)
    {
        var query = http.Request.Query;
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var request = new SecretCreateRequest(
            query["name"].ToString(),
            buffer.ToArray(),
            query["driver"].ToString(),
            Map(query["driveropts"].ToString()),
            Map(query["labels"].ToString()),
            LibpodQuery.Bool(http, "replace"),
            LibpodQuery.Bool(http, "ignore"));
        var secret = await Secrets(http).CreateAsync(request, http.RequestAborted);
        return LibpodJson.Body(new JsonObject { ["ID"] = secret.Id });
    }

    private static async Task<IResult> List(HttpContext http)
    {
        var filters = QueryFilters.Parse(http).Select(p => p.Key + "=" + p.Value).ToList();
        var secrets = await Secrets(http).ListAsync(filters, http.RequestAborted);
        return LibpodJson.Body(new JsonArray([.. secrets.Select(s => (JsonNode)SecretJson.Inspect(s))]));
    }

    private static async Task<IResult> Inspect(string name, HttpContext http)
    {
        var service = Secrets(http);
        var secret = await service.GetAsync(name, http.RequestAborted);
        var data = LibpodQuery.Bool(http, "showsecret")
            ? await service.ReadDataAsync(name, http.RequestAborted)
            : null;
        return LibpodJson.Body(SecretJson.Inspect(secret, data));
    }

    private static async Task<IResult> Exists(string name, HttpContext http) =>
        await Secrets(http).ExistsAsync(name, http.RequestAborted)
            ? Results.NoContent()
            : throw new NotFoundException($"no secret with name or id \"{name}\": no such secret");

    private static async Task<IResult> Remove(string name, HttpContext http)
    {
        var service = Secrets(http);
        if (LibpodQuery.Bool(http, "all"))
        {
            foreach (var secret in await service.ListAsync([], http.RequestAborted))
            {
                await service.RemoveAsync(secret.Id, http.RequestAborted);
            }

            return Results.NoContent();
        }

        await service.RemoveAsync(name, http.RequestAborted);
        return Results.NoContent();
    }

    /// <summary>A JSON object of strings in a query parameter (labels, driveropts).</summary>
    public static Dictionary<string, string> Map(string json)
    {
        if (json.Length == 0)
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"decoding request: {e.Message}", e);
        }
    }
}
