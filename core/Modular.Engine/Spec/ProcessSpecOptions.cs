using System.Text.Json.Nodes;
using Modular.Engine.State;

namespace Modular.Engine.Spec;

/// <summary>
/// Process settings of create/run that Podman writes into the spec as well: the umask
/// (<c>process.user.umask</c>, 0022 unless --umask) and --no-hostname, which leaves
/// /etc/hostname as the image has it, or absent.
/// </summary>
public static class ProcessSpecOptions
{
    public static void Apply(JsonObject spec, ContainerConfig config)
    {
        if (spec["process"]?["user"] is JsonObject user)
        {
            user["umask"] = Convert.ToUInt32(config.Umask, 8);
        }

        if (config.NoHostname && spec["mounts"] is JsonArray mounts)
        {
            var hostname = mounts.Where(m => m?["destination"]?.GetValue<string>() == "/etc/hostname").ToList();
            hostname.ForEach(m => mounts.Remove(m));
        }
    }
}
