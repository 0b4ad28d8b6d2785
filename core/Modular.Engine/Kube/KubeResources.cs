using System.Globalization;
using System.Text.Json.Nodes;

namespace Modular.Engine.Kube;

/// <summary>--memory and --cpus as v1.ResourceRequirements limits, in Kubernetes' quantities.</summary>
internal static class KubeResources
{
    private static readonly string[] BinarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    public static JsonObject Limits(JsonObject hostConfig)
    {
        var limits = new JsonObject();
        var cpuMilli = CpuMilli(hostConfig);
        // Kubernetes allows no precision finer than a millicore.
        if (cpuMilli >= 1)
        {
            limits["cpu"] = Milli(cpuMilli);
        }

        if (Long(hostConfig["Memory"]) is > 0 and var memory)
        {
            limits["memory"] = Binary(memory);
        }

        return limits;
    }

    private static long CpuMilli(JsonObject hostConfig)
    {
        var quota = Long(hostConfig["CpuQuota"]);
        var period = Long(hostConfig["CpuPeriod"]);
        return quota > 0 && period > 0 ? (long)(1000.0 * quota / period) : 0;
    }

    // A quantity in millicores prints whole cores without a suffix (1500m, 2).
    private static string Milli(long milli) => milli % 1000 == 0
        ? (milli / 1000).ToString(CultureInfo.InvariantCulture)
        : milli.ToString(CultureInfo.InvariantCulture) + "m";

    // A byte quantity prints in the largest power of 1024 that divides it (256Mi, 500000).
    private static string Binary(long bytes)
    {
        var suffix = 0;
        while (bytes % 1024 == 0 && suffix < BinarySuffixes.Length - 1)
        {
            bytes /= 1024;
            suffix++;
        }

        return bytes.ToString(CultureInfo.InvariantCulture) + BinarySuffixes[suffix];
    }

    private static long Long(JsonNode? node) => KubeContainer.Number(node) ?? 0;
}
