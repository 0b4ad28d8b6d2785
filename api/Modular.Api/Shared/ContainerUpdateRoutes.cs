using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Api.Libpod;
using Modular.Cli.Hosting;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Resources;

namespace Modular.Api.Shared;

/// <summary>
/// POST /containers/{name}/update (Docker's UpdateConfig: Memory, CpuShares ... Ulimits;
/// 200 {"Warnings":[]}) and /libpod/containers/{name}/update (OCI LinuxResources keys and
/// r_limits; 201 with the ID): the engine's <c>update</c>, as <c>modpod update</c> runs it.
/// As in Podman, a zero or absent value keeps the current limit; rlimits are stored and
/// apply from the next start.
/// </summary>
public static class ContainerUpdateRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/containers/{name}/update", DockerAsync);
        app.MapPost("/libpod/containers/{name}/update", LibpodAsync);
    }

    private static async Task<IResult> DockerAsync(string name, CliContext cli, HttpContext http)
    {
        var body = await RequestBody.ReadObjectAsync(http);
        var flags = new ResourceFlags
        {
            Memory = Positive(body, "Memory"),
            MemorySwap = NonZero(body, "MemorySwap"),
            MemoryReservation = Positive(body, "MemoryReservation"),
            CpuShares = Number(body, "CpuShares") is > 0 and var shares ? (ulong)shares : null,
            CpuPeriod = Number(body, "CpuPeriod") is > 0 and var period ? (ulong)period : null,
            CpuQuota = Number(body, "CpuQuota") is not 0 and var quota ? quota : null,
            CpusetCpus = NonEmpty(body.Text("CpusetCpus")),
            CpusetMems = NonEmpty(body.Text("CpusetMems")),
            BlkioWeight = Number(body, "BlkioWeight") is > 0 and var weight ? (ushort)weight : null,
            PidsLimit = Number(body, "PidsLimit"),
            Ulimits = Rlimits(body["Ulimits"] as JsonArray, "Name", "Soft", "Hard"),
        };
        await UpdateAsync(cli, name, flags, http.RequestAborted);
        return Results.Json(new JsonObject { ["Warnings"] = new JsonArray() });
    }

    private static async Task<IResult> LibpodAsync(string name, CliContext cli, HttpContext http)
    {
        var body = await RequestBody.ReadObjectAsync(http);
        var memory = body["memory"] as JsonObject;
        var cpu = body["cpu"] as JsonObject;
        var flags = new ResourceFlags
        {
            Memory = memory is null ? null : Positive(memory, "limit"),
            MemorySwap = memory is null ? null : NonZero(memory, "swap"),
            MemoryReservation = memory is null ? null : Positive(memory, "reservation"),
            CpuShares = cpu is not null && Number(cpu, "shares") is > 0 and var shares ? (ulong)shares : null,
            CpuPeriod = cpu is not null && Number(cpu, "period") is > 0 and var period ? (ulong)period : null,
            CpuQuota = cpu is not null && Number(cpu, "quota") is not 0 and var quota ? quota : null,
            CpusetCpus = NonEmpty((cpu ?? []).Text("cpus")),
            CpusetMems = NonEmpty((cpu ?? []).Text("mems")),
            PidsLimit = body["pids"] is JsonObject pids ? Number(pids, "limit") : null,
            BlkioWeight = body["blockIO"] is JsonObject io && Number(io, "weight") is > 0 and var weight
                ? (ushort)weight : null,
            Ulimits = Rlimits(body["r_limits"] as JsonArray, "type", "soft", "hard"),
        };
        var info = await UpdateAsync(cli, name, flags, http.RequestAborted);
        return LibpodJson.Body(JsonValue.Create(info.Id)!, StatusCodes.Status201Created);
    }

    private static Task<ContainerInfo> UpdateAsync(
        CliContext cli, string name, ResourceFlags flags, CancellationToken cancellationToken) =>
        cli.Services.GetRequiredService<IContainerResources>().UpdateAsync(name, flags, cancellationToken);

    /// <summary>rlimits as <c>--ulimit</c> words (memlock=-1:-1); -1 is unlimited.</summary>
    private static IReadOnlyList<string> Rlimits(JsonArray? limits, string nameKey, string softKey, string hardKey) =>
        limits?.OfType<JsonObject>()
            .Select(l => string.Create(CultureInfo.InvariantCulture,
                $"{Rlimit(l.Text(nameKey) ?? "")}={Number(l, softKey) ?? 0}:{Number(l, hardKey) ?? 0}"))
            .ToList() ?? [];

    // OCI and Docker spell the type RLIMIT_NOFILE or nofile; --ulimit takes the short one.
    private static string Rlimit(string type) =>
        type.StartsWith("RLIMIT_", StringComparison.OrdinalIgnoreCase) ? type[7..].ToLowerInvariant() : type.ToLowerInvariant();

    private static long? Number(JsonObject body, string key) =>
        body[key] is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    private static string? Positive(JsonObject body, string key) =>
        Number(body, key) is > 0 and var bytes ? bytes.ToString(CultureInfo.InvariantCulture) : null;

    private static string? NonZero(JsonObject body, string key) =>
        Number(body, key) is not 0 and { } bytes ? bytes.ToString(CultureInfo.InvariantCulture) : null;

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
