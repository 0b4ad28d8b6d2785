using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Api.Shared;

namespace Modular.Api.Libpod;

/// <summary>/libpod/networks: create, list, inspect, exists, remove.</summary>
public static class LibpodNetworkRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/libpod/networks/create", (Delegate)Create);
        app.MapGet("/libpod/networks/json", (Delegate)List);
        app.MapGet("/libpod/networks/{name}/json", Inspect);
        app.MapGet("/libpod/networks/{name}/exists", Exists);
        app.MapDelete("/libpod/networks/{name}", Remove);
    }

    private static async Task<IResult> Create(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted)
            as JsonObject ?? [];
        var args = new List<string> { "network", "create" };
        AddValue(args, "--driver", body["driver"]);
        AddValue(args, "--interface-name", body["network_interface"]);
        foreach (var subnet in body["subnets"] as JsonArray ?? [])
        {
            AddValue(args, "--subnet", subnet?["subnet"]);
            AddValue(args, "--gateway", subnet?["gateway"]);
        }

        foreach (var (key, value) in body["labels"] as JsonObject ?? [])
        {
            args.AddRange(["--label", key + "=" + value]);
        }

        foreach (var (key, value) in body["options"] as JsonObject ?? [])
        {
            args.AddRange(["--opt", key + "=" + value]);
        }

        args.AddRange(body["internal"]?.GetValue<bool>() == true ? ["--internal"] : []);
        args.AddRange(body["ipv6_enabled"]?.GetValue<bool>() == true ? ["--ipv6"] : []);
        args.AddRange(body["dns_enabled"]?.GetValue<bool>() == false ? ["--disable-dns"] : []);
        if (body["name"]?.GetValue<string>() is { Length: > 0 } name)
        {
            args.Add(name);
        }

        var created = (await CliBridge.OutputAsync(http, args)).Trim().Split('\n')[^1];
        var inspect = await CliBridge.OutputAsync(http, ["network", "inspect", created]);
        return Results.Text(LibpodJson.First(inspect), "application/json");
    }

    private static Task<IResult> List(HttpContext http) =>
        BridgedResource.ListAsync(http, "network", "ls");

    private static Task<IResult> Inspect(string name, HttpContext http) =>
        BridgedResource.InspectAsync(http, "network", name);

    private static Task<IResult> Exists(string name, HttpContext http) =>
        BridgedResource.ExistsAsync(
            http, "network", name, $"unable to find network with name or ID {name}: network not found");

    private static async Task<IResult> Remove(string name, HttpContext http)
    {
        List<string> args = http.QueryFlag("force") ? ["network", "rm", "--force", name] : ["network", "rm", name];
        await CliBridge.OutputAsync(http, args);
        return Results.Json(new[] { new Dictionary<string, object?> { ["Name"] = name, ["Err"] = null } });
    }

    private static void AddValue(List<string> args, string flag, JsonNode? value)
    {
        if (value is JsonValue text && text.TryGetValue<string>(out var s) && s.Length > 0)
        {
            args.AddRange([flag, s]);
        }
    }
}
