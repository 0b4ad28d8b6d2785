using System.Globalization;
using System.Text.Json.Nodes;

namespace Modular.Engine.Kube;

/// <summary>A container's v1.SecurityContext: what differs from a default container.</summary>
internal static class KubeSecurity
{
    /// <summary>
    /// privileged, capabilities added/dropped against the default set (a privileged
    /// container has them all, so none are listed), readOnlyRootFilesystem,
    /// allowPrivilegeEscalation false under no-new-privileges, runAsUser/runAsGroup for a
    /// <paramref name="user"/> that differs from the image's.
    /// </summary>
    public static JsonObject From(JsonObject inspect, string user, IReadOnlyList<string> defaultCaps)
    {
        var host = inspect["HostConfig"] as JsonObject ?? [];
        var security = new JsonObject();
        var privileged = host["Privileged"]?.GetValue<bool>() == true;
        if (!privileged && Capabilities(inspect, defaultCaps) is { } capabilities)
        {
            security["capabilities"] = capabilities;
        }

        if (KubeContainer.Strings(host["SecurityOpt"]).Any(o => o.StartsWith("no-new-privileges", StringComparison.Ordinal)))
        {
            security["allowPrivilegeEscalation"] = false;
        }

        if (privileged)
        {
            security["privileged"] = true;
        }

        if (host["ReadonlyRootfs"]?.GetValue<bool>() == true)
        {
            security["readOnlyRootFilesystem"] = true;
        }

        AddUser(security, user);
        return security;
    }

    private static JsonObject? Capabilities(JsonObject inspect, IReadOnlyList<string> configured)
    {
        // containers.conf may name capabilities with or without CAP_; inspect always has it.
        var defaults = configured.Select(Canonical).ToList();
        var caps = KubeContainer.Strings(inspect["EffectiveCaps"]).Concat(KubeContainer.Strings(inspect["BoundingCaps"]))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var drop = defaults.Where(c => !caps.Contains(c)).Distinct().ToList();
        var add = caps.Where(c => !defaults.Contains(c)).ToList();
        if (add.Count == 0 && drop.Count == 0)
        {
            return null;
        }

        var capabilities = new JsonObject();
        if (add.Count > 0)
        {
            capabilities["add"] = new JsonArray([.. add.Select(c => (JsonNode)c)]);
        }

        if (drop.Count > 0)
        {
            capabilities["drop"] = new JsonArray([.. drop.Select(c => (JsonNode)c)]);
        }

        return capabilities;
    }

    // Limitation: Podman looks a user name up in the container's /etc/passwd; modpod writes
    // numeric users (and root) only, and leaves a named user to the image's default.
    private static void AddUser(JsonObject security, string user)
    {
        if (user.Length == 0)
        {
            return;
        }

        var parts = user.Split(':', 2);
        var uid = parts[0] == "root" ? 0 : Number(parts[0]);
        var gid = parts.Length > 1 ? (parts[1] == "root" ? 0 : Number(parts[1])) : 0;
        if (uid is null || gid is null)
        {
            return;
        }

        security["runAsGroup"] = gid;
        security["runAsUser"] = uid;
    }

    private static string Canonical(string capability)
    {
        var upper = capability.ToUpperInvariant();
        return upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper : "CAP_" + upper;
    }

    private static long? Number(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
