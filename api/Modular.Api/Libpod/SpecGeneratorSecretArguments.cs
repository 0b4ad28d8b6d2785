using System.Text.Json.Nodes;
using Modular.Engine.Secrets;

namespace Modular.Api.Libpod;

/// <summary>SpecGenerator "secrets" and "secret_env" as the CLI's <c>--secret</c> values.</summary>
public static class SpecGeneratorSecretArguments
{
    public static void AddTo(List<string> args, JsonObject spec)
    {
        foreach (var mount in (spec["secrets"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var secret = new ContainerSecret(
                Text(mount, "Source"),
                "",
                "mount",
                Text(mount, "Target"),
                Number(mount, "UID", 0),
                Number(mount, "GID", 0),
                Number(mount, "Mode", ContainerSecret.DefaultMode));
            args.AddRange(["--secret", ContainerSecretSpec.Format(secret)]);
        }

        foreach (var (variable, name) in spec["secret_env"] as JsonObject ?? [])
        {
            var secret = new ContainerSecret(name?.ToString() ?? "", "", "env", variable);
            args.AddRange(["--secret", ContainerSecretSpec.Format(secret)]);
        }
    }

    // Go decodes keys case-insensitively; Podman's clients send "Source", some "source".
    private static string Text(JsonObject item, string key) =>
        item.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value?.ToString() ?? "";

    private static uint Number(JsonObject item, string key, uint fallback)
    {
        var node = item.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
        return node is JsonValue value && value.TryGetValue<uint>(out var number) ? number : fallback;
    }
}
