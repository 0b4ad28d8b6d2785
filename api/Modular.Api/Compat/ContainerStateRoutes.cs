using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Shared;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Api.Compat;

/// <summary>
/// Docker's pause, unpause and rename of one container (rename in Podman's tree too, which
/// shares Podman's handler). Statuses as Podman's compat handlers: 404 for a missing
/// container, 409 for a taken name, 500 for any other refusal.
/// </summary>
public static class ContainerStateRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/containers/{name}/pause", PauseAsync);
        app.MapPost("/containers/{name}/unpause", UnpauseAsync);
        app.MapPost("/containers/{name}/rename", RenameAsync);
        app.MapPost("/libpod/containers/{name}/rename", RenameAsync);
    }

    private static Task<IResult> PauseAsync(HttpContext http, CliContext cli, string name) =>
        ActAsync(http, cli, name, (control, id, token) => control.PauseAsync(id, token));

    private static Task<IResult> UnpauseAsync(HttpContext http, CliContext cli, string name) =>
        ActAsync(http, cli, name, (control, id, token) => control.UnpauseAsync(id, token));

    private static Task<IResult> RenameAsync(HttpContext http, CliContext cli, string name)
    {
        var newName = http.Request.Query["name"].ToString();
        return ActAsync(
            http,
            cli,
            name,
            (control, id, token) => control.RenameAsync(id, newName, token),
            typeof(AlreadyExistsException));
    }

    private static async Task<IResult> ActAsync(
        HttpContext http,
        CliContext cli,
        string name,
        Func<IContainerControl, string, CancellationToken, Task<ContainerInfo>> act,
        params Type[] kept)
    {
        var container = await cli.Containers.ResolveAsync(name, http.RequestAborted);
        var control = cli.Services.GetRequiredService<IContainerControl>();
        await PodmanStatus.ServerErrorAsync(() => act(control, container.Id, http.RequestAborted), kept);
        return Results.NoContent();
    }
}
