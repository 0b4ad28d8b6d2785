using System.Text.Json.Nodes;

namespace Modular.TestImages;

/// <summary>
/// An image ready to write: its layers, and the config JSON whose digest is the image ID.
/// </summary>
public sealed record TestImage(
    string Name,
    IReadOnlyList<Layer> Layers,
    string Architecture = "amd64",
    string Os = "linux",
    IReadOnlyList<string>? Cmd = null,
    IReadOnlyList<string>? Env = null,
    IReadOnlyList<string>? Volumes = null,
    JsonObject? Healthcheck = null,
    ImageRuntimeExtras? Extras = null,
    IReadOnlyList<HistoryStep>? History = null,
    string Created = "2024-01-01T00:00:00Z")
{
    public const string DefaultPath =
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private byte[]? _config;

    public byte[] Config => _config ??= BuildConfig();

    /// <summary>The config digest, which Podman reports as the image ID.</summary>
    public string ConfigDigest => Digests.Sha256(Config);

    public string Id => Digests.Hex(ConfigDigest);

    private byte[] BuildConfig()
    {
        var diffIds = new JsonArray(Layers.Select(l => (JsonNode)l.DiffId).ToArray());
        var history = new JsonArray([.. (History ?? DefaultHistory()).Select(h => (JsonNode)h.ToJson())]);
        var runtime = new JsonObject
        {
            ["Env"] = ToArray(Env ?? [DefaultPath]),
            ["Cmd"] = ToArray(Cmd ?? ["sh"]),
        };
        if (Healthcheck is not null)
        {
            runtime["Healthcheck"] = Healthcheck.DeepClone();
        }

        Extras?.AddTo(runtime);

        var config = new JsonObject
        {
            ["created"] = Created,
            ["architecture"] = Architecture,
            ["os"] = Os,
            ["config"] = runtime,
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = diffIds },
            ["history"] = history,
        };
        if (Volumes is not null)
        {
            config["config"]!["Volumes"] = new JsonObject(
                Volumes.Select(v => KeyValuePair.Create(v, (JsonNode?)new JsonObject())));
        }

        return System.Text.Encoding.UTF8.GetBytes(config.ToJsonString());
    }

    /// <summary>One step per layer, for images whose build steps nobody reads.</summary>
    private IEnumerable<HistoryStep> DefaultHistory() =>
        Layers.Select(_ => new HistoryStep(Created, "Modular.TestImages"));

    private static JsonArray ToArray(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode)v).ToArray());
}
