using System.Text.Json.Nodes;

namespace Modular.Api.Compat;

/// <summary>
/// Docker creates a missing host directory named in HostConfig.Binds; the CLI (as Podman's)
/// refuses one. Compose files and SDKs rely on Docker's way, so the compat tree alone makes
/// the directory before the engine sees the bind.
/// </summary>
public static class BindSources
{
    public static void CreateMissing(JsonObject body)
    {
        var binds = DockerCreateBody.Strings((body["HostConfig"] as JsonObject)?["Binds"]);
        foreach (var bind in binds)
        {
            var source = bind.Split(':', 2)[0];
            // A name without a slash is a named volume: the engine creates those itself.
            if (Path.IsPathRooted(source) && !Path.Exists(source))
            {
                Directory.CreateDirectory(source);
            }
        }
    }
}
