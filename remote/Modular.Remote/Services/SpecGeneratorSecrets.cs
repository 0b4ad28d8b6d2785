using System.Text.Json.Nodes;
using Modular.Engine.Containers;
using Modular.Engine.Secrets;

namespace Modular.Remote.Services;

/// <summary>
/// <c>--secret</c> in Podman's SpecGenerator: mount secrets in "secrets"
/// ([{Source, Target, UID, GID, Mode}]), env secrets in "secret_env" (variable to secret).
/// </summary>
internal static class SpecGeneratorSecrets
{
    public static void AddTo(JsonObject spec, CreateContainerRequest request)
    {
        if (request.Secrets.Count == 0)
        {
            return;
        }

        var mounts = new JsonArray();
        var env = new JsonObject();
        foreach (var secret in request.Secrets.Select(ContainerSecretSpec.Parse))
        {
            if (secret.Type == "env")
            {
                env[secret.Target] = secret.Name;
                continue;
            }

            mounts.Add(new JsonObject
            {
                ["Source"] = secret.Name, ["Target"] = secret.Target,
                ["UID"] = secret.Uid, ["GID"] = secret.Gid, ["Mode"] = secret.Mode,
            });
        }

        spec["secrets"] = mounts;
        spec["secret_env"] = env;
    }
}
