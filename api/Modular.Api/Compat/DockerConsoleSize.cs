using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Engine.Containers;

namespace Modular.Api.Compat;

/// <summary>
/// <c>HostConfig.ConsoleSize</c> ([rows, columns], sent by Docker clients from API 1.42 for
/// a TTY) as the first size of the container's terminal. Docker's CLI resizes only after
/// start has answered, by which time a short program has already printed for a 0x0
/// terminal; the attached start sizes conmon's terminal from the first queued size
/// before the process runs (ContainerService.SendFirstSize).
/// </summary>
public static class DockerConsoleSize
{
    public static void Seed(HttpContext http, JsonObject body, string containerId)
    {
        if (body["Tty"] is not JsonValue tty || !tty.TryGetValue<bool>(out var on) || !on
            || body["HostConfig"]?["ConsoleSize"] is not JsonArray { Count: 2 } size
            || Number(size[0]) is not > 0 || Number(size[1]) is not > 0)
        {
            return;
        }

        var resizes = http.RequestServices.GetRequiredService<ResizeChannels>();
        resizes.Seed(containerId, new TerminalSize(Number(size[0]), Number(size[1])));
    }

    private static int Number(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<int>(out var n) ? n : 0;
}
