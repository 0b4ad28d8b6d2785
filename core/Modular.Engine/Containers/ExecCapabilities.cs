using System.Text.Json.Nodes;
using Modular.Engine.Security;

namespace Modular.Engine.Containers;

/// <summary>
/// The capabilities of an exec'd process, by Podman's rules. --privileged only widens the
/// bounding set to everything the caller holds; seccomp, devices, masked paths and the
/// namespaces stay the container's, since they belong to the container, not the process.
/// Starting from the container's sets: root gets the bounding set as effective and
/// permitted; the container's own non-root user gets its effective set in every set but
/// bounding; the inheritable set is otherwise cleared, as the kernel does across exec.
/// </summary>
internal static class ExecCapabilities
{
    public static JsonObject For(JsonNode? container, bool privileged, long uid, bool containerUser)
    {
        var bounding = privileged ? Capabilities.CallerBounding() : Set(container, "bounding");
        var caps = container?.DeepClone() as JsonObject ?? [];
        caps["bounding"] = SecuritySpec.Strings(bounding);
        caps["inheritable"] = new JsonArray();
        if (uid == 0)
        {
            caps["effective"] = SecuritySpec.Strings(bounding);
            caps["permitted"] = SecuritySpec.Strings(bounding);
        }
        else if (containerUser)
        {
            var effective = Set(container, "effective");
            foreach (var set in new[] { "effective", "inheritable", "permitted", "ambient" })
            {
                caps[set] = SecuritySpec.Strings(effective);
            }
        }

        return caps;
    }

    private static IReadOnlyList<string> Set(JsonNode? capabilities, string name) =>
        capabilities?[name]?.AsArray().Select(c => c!.GetValue<string>()).ToList() ?? [];
}
