using Microsoft.AspNetCore.Http;
using Modular.Api.Shared;
using Modular.Contracts.Errors;

namespace Modular.Api.Libpod;

/// <summary>
/// The list, inspect and exists routes that networks, pods and volumes answer alike,
/// each through its CLI group (<c>network ls</c>, <c>pod ps</c>, <c>volume ls</c> ...).
/// </summary>
public static class BridgedResource
{
    /// <summary>The group's JSON listing with the request's filters; [] when empty.</summary>
    public static async Task<IResult> ListAsync(HttpContext http, string group, string listVerb)
    {
        var args = new List<string> { group, listVerb, "--format", "json" };
        args.AddRange(QueryFilters.AsArguments(http));
        return LibpodContainerRoutes.JsonText(await CliBridge.OutputAsync(http, args), "[]");
    }

    /// <summary>The first object of <c>GROUP inspect NAME</c>.</summary>
    public static async Task<IResult> InspectAsync(HttpContext http, string group, string name) =>
        Results.Text(LibpodJson.First(await CliBridge.OutputAsync(http, [group, "inspect", name])),
            "application/json");

    /// <summary>204 when <c>GROUP exists NAME</c> succeeds, else 404 with Podman's text.</summary>
    public static async Task<IResult> ExistsAsync(
        HttpContext http, string group, string name, string notFound)
    {
        var output = await CliBridge.RunAsync(http, [group, "exists", name]);
        return output.ExitCode == 0 ? Results.NoContent() : throw new NotFoundException(notFound);
    }
}
