using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Modular.Engine.Secrets;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

/// <summary>
/// <c>--secret</c>: resolved to names and IDs at create (a missing secret fails the create),
/// read from the secret store only when the bundle is written, so the data lives in the
/// container's run directory and its runtime spec, never in its config or inspect output.
/// </summary>
public sealed partial class ContainerService
{
    private SecretService ContainerSecrets => new(_options, _events);

    private async Task<ContainerConfig> WithSecretsAsync(
        ContainerConfig config,
        CreateContainerRequest request,
        CancellationToken cancellationToken)
    {
        if (request.Secrets.Count == 0)
        {
            return config;
        }

        var resolved = new List<ContainerSecret>();
        foreach (var value in request.Secrets)
        {
            var secret = ContainerSecretSpec.Parse(value);
            var record = await ContainerSecrets.GetAsync(secret.Name, cancellationToken);
            resolved.Add(secret with { Name = record.Name, Id = record.Id });
        }

        return config with { Secrets = resolved };
    }

    /// <summary>Podman's Config.Secrets: name, ID, owner and mode of each secret, no data.</summary>
    private static JsonObject WithSecretsInspect(JsonObject inspectConfig, ContainerConfig config)
    {
        if (config.Secrets.Count > 0)
        {
            inspectConfig["Secrets"] = new JsonArray([.. config.Secrets.Select(s => (JsonNode)new JsonObject
            {
                ["Name"] = s.Name, ["ID"] = s.Id, ["UID"] = s.Uid, ["GID"] = s.Gid, ["Mode"] = s.Mode,
            })]);
        }

        return inspectConfig;
    }

    /// <summary>Writes each mount secret to bundle/secrets (0700) and binds it read-only; env secrets join the process env.</summary>
    private async Task ApplySecretsAsync(
        JsonObject spec,
        ContainerConfig config,
        ContainerPaths paths,
        CancellationToken cancellationToken)
    {
        if (config.Secrets.Count == 0)
        {
            return;
        }

        var directory = Path.Combine(paths.Bundle, "secrets");
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var secret in config.Secrets)
        {
            var data = await ContainerSecrets.ReadDataAsync(secret.Id, cancellationToken);
            if (secret.Type == "env")
            {
                (spec["process"]!["env"] as JsonArray)!.Add($"{secret.Target}={Encoding.UTF8.GetString(data)}");
                continue;
            }

            var file = Path.Combine(directory, secret.Id);
            await File.WriteAllBytesAsync(file, data, cancellationToken);
            File.SetUnixFileMode(file, (UnixFileMode)secret.Mode);
            Chown(file, secret.Uid, secret.Gid);
            (spec["mounts"] as JsonArray)!.Add(new JsonObject
            {
                ["destination"] = ContainerSecretSpec.MountPath(secret),
                ["type"] = "bind",
                ["source"] = file,
                ["options"] = new JsonArray("bind", "rprivate", "nosuid", "nodev", "noexec", "ro"),
            });
        }
    }

    private static void Chown(string path, uint uid, uint gid)
    {
        if ((uid != 0 || gid != 0) && SecretFileOwner.Chown(path, (int)uid, (int)gid) != 0)
        {
            throw new Contracts.Errors.BackendException(
                $"chown secret file to {uid}:{gid}: errno {Marshal.GetLastPInvokeError()}");
        }
    }
}
