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
        app.MapPost("/libpod/networks/prune", (Delegate)Prune);
        app.MapGet("/libpod/networks/{name}/json", Inspect);
        app.MapGet("/libpod/networks/{name}/exists", Exists);
        app.MapDelete("/libpod/networks/{name}", Remove);
    }

    private static async Task<IResult> Create(HttpContext http)
    {
        RequireLibpod4(http);
        var body = await RequestBody.ReadObjectAsync(http);
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

        args.AddRange(body.Flag("internal") == true ? ["--internal"] : []);
        args.AddRange(body.Flag("ipv6_enabled") == true ? ["--ipv6"] : []);
        args.AddRange(body.Flag("dns_enabled") == false ? ["--disable-dns"] : []);
        if (body.Text("name") is { Length: > 0 } name)
        {
            args.Add(name);
        }

        var created = (await CliBridge.OutputAsync(http, args)).Trim().Split('\n')[^1];
        var inspect = await CliBridge.OutputAsync(http, ["network", "inspect", created]);
        return Results.Text(LibpodJson.First(inspect), "application/json");
    }

    private static Task<IResult> List(HttpContext http)
    {
        RequireLibpod4(http);
        return BridgedResource.ListAsync(http, "network", "ls");
    }

    private static async Task<IResult> Prune(HttpContext http)
    {
        var args = new List<string> { "network", "prune", "--force" };
        args.AddRange(QueryFilters.AsArguments(http));
        var output = await CliBridge.RunAsync(http, args);
        if (output.ExitCode != 0)
        {
            // Podman's prune answers a filter it refuses with 500.
            var message = output.Failure?.Message ?? output.Stderr.Trim().Replace("Error: ", "", StringComparison.Ordinal);
            throw new ApiException(StatusCodes.Status500InternalServerError, message);
        }

        var names = output.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return Results.Json(names.Select(n => new Dictionary<string, object?> { ["Name"] = n, ["Error"] = null }));
    }

    /// <summary>Podman's network routes refuse a libpod API level below 4 (its network model changed).</summary>
    private static void RequireLibpod4(HttpContext http)
    {
        if (LibpodJson.MajorVersion(http) is < 4 && http.Version() is { } version)
        {
            const string cause = "given version is not supported";
            throw new ApiException(StatusCodes.Status400BadRequest,
                $"failed to parse query parameter 'version': \"{version}\": {cause}", cause);
        }
    }

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
