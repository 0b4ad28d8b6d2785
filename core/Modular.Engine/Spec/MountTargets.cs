using System.Text.Json.Nodes;

namespace Modular.Engine.Spec;

/// <summary>
/// Creates each mount's destination in the rootfs before the runtime runs: a file for a
/// bind of a file, a directory otherwise. Needed where the runtime works as a user that
/// cannot write the image's directories (a user namespace). A path through a symbolic
/// link is left to the runtime, which resolves it inside the rootfs; following it here
/// could reach outside.
/// </summary>
public static class MountTargets
{
    public static void Create(JsonObject spec, string rootfs)
    {
        foreach (var mount in (spec["mounts"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var destination = mount["destination"]?.GetValue<string>();
            var source = mount["source"]?.GetValue<string>();
            if (destination is null || !WithoutLinks(rootfs, destination))
            {
                continue;
            }

            var target = Path.Combine(rootfs, destination.TrimStart('/'));
            if (Path.Exists(target))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (mount["type"]?.GetValue<string>() == "bind" && source is not null && File.Exists(source))
            {
                File.WriteAllBytes(target, []);
            }
            else
            {
                Directory.CreateDirectory(target);
            }
        }
    }

    // True when no existing component of the path below rootfs is a symbolic link.
    private static bool WithoutLinks(string rootfs, string destination)
    {
        var current = rootfs;
        foreach (var part in destination.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                return false;
            }

            current = Path.Combine(current, part);
            var info = new FileInfo(current);
            if (info.LinkTarget is not null)
            {
                return false;
            }

            if (!info.Exists && !Directory.Exists(current))
            {
                return true;
            }
        }

        return true;
    }
}
