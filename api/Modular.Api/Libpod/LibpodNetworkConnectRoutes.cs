using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Shared;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Networks;

namespace Modular.Api.Libpod;

/// <summary>
/// /libpod/networks/{name}/connect and /disconnect over the engine's
/// <see cref="INetworkContainers"/>. Podman's connect body is the container plus its
/// per-network options (aliases, static_ips, static_mac); disconnect takes Docker's
/// Container and Force keys. Both answer "OK".
/// </summary>
public static class LibpodNetworkConnectRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/libpod/networks/{name}/connect", ConnectAsync);
        app.MapPost("/libpod/networks/{name}/disconnect", DisconnectAsync);
    }

    private static async Task<IResult> ConnectAsync(HttpContext http, CliContext cli, string name)
    {
        var body = await RequestBody.ReadObjectAsync(http);
        var request = new NetworkConnectRequest(
            Strings(body["aliases"]),
            Strings(body["static_ips"]),
            body.Text("static_mac") is { Length: > 0 } mac ? mac : null);
        await Containers(cli).ConnectAsync(name, ContainerOf(body), request, http.RequestAborted);
        return Results.Json("OK");
    }

    private static async Task<IResult> DisconnectAsync(HttpContext http, CliContext cli, string name)
    {
        var body = await RequestBody.ReadObjectAsync(http);
        var force = body["Force"] is JsonValue f && f.TryGetValue<bool>(out var b) && b;
        await Containers(cli).DisconnectAsync(name, ContainerOf(body), force, http.RequestAborted);
        return Results.Json("OK");
    }

    private static string ContainerOf(JsonObject body) =>
        body.Text("Container") is { Length: > 0 } container
            ? container
            : throw new InvalidInputException("Container: container name or ID is required");

    private static List<string> Strings(JsonNode? node) =>
        [.. (node as JsonArray ?? []).Select(item => item?.ToString() ?? "").Where(s => s.Length > 0)];

    private static INetworkContainers Containers(CliContext cli) =>
        cli.Services.GetRequiredService<INetworkContainers>();
}
