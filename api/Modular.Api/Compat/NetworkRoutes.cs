using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;
using Modular.Engine.Networks;

namespace Modular.Api.Compat;

/// <summary>
/// Docker's /networks: list, inspect, create, remove, connect, disconnect, prune, over the
/// engine's network service. "bridge" and "default" name the default network, as
/// Docker clients use them.
/// </summary>
public static class NetworkRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/networks", ListAsync);
        app.MapPost("/networks/create", CreateAsync);
        app.MapPost("/networks/prune", PruneAsync);
        app.MapGet("/networks/{name}", InspectAsync);
        app.MapDelete("/networks/{name}", RemoveAsync);
        app.MapPost("/networks/{name}/connect", ConnectAsync);
        app.MapPost("/networks/{name}/disconnect", DisconnectAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext http, CliContext cli)
    {
        var networks = Networks(cli);
        var filters = DockerFilters.Parse(http.Request.Query["filters"]);
        var docker = DockerNetworkFilters.Take(filters);
        IReadOnlyList<NetworkDefinition> found;
        try
        {
            found = await networks.ListAsync(docker.Rest, http.RequestAborted);
        }
        catch (InvalidInputException e)
        {
            // Podman's compat list answers a filter it refuses with 500, not 400.
            throw new ApiException(StatusCodes.Status500InternalServerError, e.Message, e.Message);
        }

        var list = new JsonArray();
        foreach (var network in found.Where(n => docker.Matches(n.Name == networks.DefaultNetworkName)))
        {
            var podman = await networks.InspectAsync(network.Id, http.RequestAborted);
            list.Add(DockerNetworkJson.FromPodman(podman, DisplayName(networks, network.Name)));
        }

        return DockerJson.Result(list);
    }

    private static async Task<IResult> InspectAsync(HttpContext http, CliContext cli, string name)
    {
        var networks = Networks(cli);
        var podman = await networks.InspectAsync(Normalize(networks, name), http.RequestAborted);
        var shown = podman["name"]?.GetValue<string>() ?? name;

        // Asked for by Docker's name for it, the default network answers to that name.
        if (name is "bridge" or "default" && shown == networks.DefaultNetworkName)
        {
            shown = name;
        }

        return DockerJson.Result(DockerNetworkJson.FromPodman(podman, shown));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CliContext cli)
    {
        var body = await DockerBody.ReadAsync(http);
        var (request, warning) = DockerNetworkCreate.ToRequest(body);
        var created = await Networks(cli).CreateAsync(request, http.RequestAborted);
        return DockerJson.Result(
            new JsonObject { ["Id"] = created.Id, ["Warning"] = warning },
            StatusCodes.Status201Created);
    }

    /// <summary>
    /// As Podman's compat handler: a missing network is 404 "network not found"; one in use
    /// (without <c>force</c>) or the default network is 500 with the engine's text.
    /// </summary>
    private static async Task<IResult> RemoveAsync(HttpContext http, CliContext cli, string name)
    {
        var networks = Networks(cli);
        var target = Normalize(networks, name);
        int? timeout = int.TryParse(http.Request.Query["timeout"], out var seconds) ? seconds : null;
        try
        {
            await PodmanStatus.ServerErrorAsync(
                async () =>
                {
                    if (http.QueryFlag("force"))
                    {
                        var network = await networks.ResolveAsync(target, http.RequestAborted);
                        await Containers(cli).RemoveContainersUsingAsync(
                            network.Name, timeout, http.RequestAborted);
                    }

                    return await networks.RemoveAsync(target, http.RequestAborted);
                },
                typeof(NotFoundException));
        }
        catch (NotFoundException)
        {
            const string missing = "network not found";
            throw new ApiException(StatusCodes.Status404NotFound, missing, missing);
        }

        return Results.NoContent();
    }

    private static async Task<IResult> ConnectAsync(HttpContext http, CliContext cli, string name)
    {
        var body = await DockerBody.ReadAsync(http);
        var endpoint = body["EndpointConfig"] as JsonObject;
        var ipam = endpoint?["IPAMConfig"] as JsonObject;
        var ips = new[] { ipam?["IPv4Address"], ipam?["IPv6Address"] }
            .Select(ip => ip?.GetValue<string>()).Where(ip => !string.IsNullOrEmpty(ip)).ToList();
        var mac = endpoint?["MacAddress"]?.GetValue<string>();
        var request = new NetworkConnectRequest(
            DockerCreateBody.Strings(endpoint?["Aliases"]),
            ips!,
            string.IsNullOrEmpty(mac) ? null : mac);
        try
        {
            await Containers(cli).ConnectAsync(
                Normalize(Networks(cli), name), ContainerOf(body), request, http.RequestAborted);
        }
        catch (AlreadyExistsException e)
        {
            // Docker and Podman answer 403 to a container already on the network.
            await ApiError.WriteAsync(
                http, StatusCodes.Status403Forbidden, e.Message, ErrorMiddleware.InnermostCause(e.Message));
            return Results.Empty;
        }

        return Ok();
    }

    private static async Task<IResult> DisconnectAsync(
        HttpContext http,
        CliContext cli,
        string name)
    {
        var body = await DockerBody.ReadAsync(http);
        var force = body["Force"] is JsonValue f && f.TryGetValue<bool>(out var b) && b;
        await Containers(cli).DisconnectAsync(
            Normalize(Networks(cli), name), ContainerOf(body), force, http.RequestAborted);
        return Ok();
    }

    private static async Task<IResult> PruneAsync(HttpContext http, CliContext cli)
    {
        var filters = DockerFilters.Parse(http.Request.Query["filters"]);
        var removed = await Networks(cli).PruneAsync(filters, http.RequestAborted);
        var names = new JsonArray([.. removed.Select(n => (JsonNode)JsonValue.Create(n))]);
        return DockerJson.Result(new JsonObject { ["NetworksDeleted"] = names });
    }

    // Podman's compat connect and disconnect answer a plain-text OK line (Docker's has no
    // body); clients read only the status.
    private static IResult Ok() => Results.Text("OK\n", "text/plain; charset=us-ascii");

    private static string ContainerOf(JsonObject body) =>
        body["Container"]?.GetValue<string>() is { Length: > 0 } container
            ? container
            : throw new InvalidInputException("Container: container name or ID is required");

    /// <summary>Docker's names of the default network mean the engine's default network.</summary>
    public static string Normalize(INetworkService networks, string name) =>
        name is "bridge" or "default" ? networks.DefaultNetworkName : name;

    // Docker clients know the default network as "bridge" (Podman's list shows it so).
    private static string DisplayName(INetworkService networks, string name) =>
        name == networks.DefaultNetworkName ? "bridge" : name;

    private static INetworkService Networks(CliContext cli) =>
        cli.Services.GetRequiredService<INetworkService>();

    private static INetworkContainers Containers(CliContext cli) =>
        cli.Services.GetRequiredService<INetworkContainers>();
}
