using System.Text.Json.Nodes;

namespace Modular.Engine.Security;

public static partial class SecuritySpec
{
    // The tmpfs mounts under /dev that stay writable on a read-only root unless
    // --read-only-tmpfs=false asks for a wholly read-only container, as in Podman.
    private static readonly string[] DevTmpfsPaths = ["/dev", "/dev/shm", "/dev/mqueue"];

    private static void ApplyReadOnlyDev(JsonArray mounts, SecuritySettings settings)
    {
        if (!settings.ReadOnly || settings.ReadOnlyTmpfs)
        {
            return;
        }

        foreach (var mount in mounts.Where(m => DevTmpfsPaths.Contains(Destination(m))))
        {
            if (mount?["options"] is JsonArray options && !options.Any(o => o?.GetValue<string>() == "ro"))
            {
                options.Add("ro");
            }
        }
    }
}
