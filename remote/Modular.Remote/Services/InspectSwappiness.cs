using System.Text.Json.Nodes;

namespace Modular.Remote.Services;

/// <summary>
/// The API leaves HostConfig.MemorySwappiness null when none was asked for, as Podman's API
/// does and as its clients expect; the local inspect prints what Podman's CLI reads from the
/// spec: -1 with a memory limit, 0 without. The client puts that number back.
/// Limitation: an explicit --memory-swappiness 0 with a memory limit reads as -1.
/// </summary>
internal static class InspectSwappiness
{
    public static JsonObject Restore(JsonObject inspect)
    {
        if (inspect["HostConfig"] is JsonObject host && host.TryGetPropertyValue("MemorySwappiness", out var given) && given is null)
        {
            var limited = Positive(host["Memory"]) || Positive(host["MemoryReservation"]) || Positive(host["MemorySwap"]);
            host["MemorySwappiness"] = limited ? -1L : 0L;
        }

        return inspect;
    }

    private static bool Positive(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<long>(out var number) && number > 0;
}
