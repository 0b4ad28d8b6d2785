using System.Text.Json;
using Modular.Contracts.Network;
using Modular.Engine.Health;
using Modular.Engine.Images;
using Modular.Engine.Plugins;
using Modular.Engine.State;
using Xunit;

namespace Modular.Engine.Tests.State;

/// <summary>
/// The compile-time JSON metadata must write and read exactly what the reflection-based
/// serializer did, or stores written by an older modpod would read differently.
/// </summary>
public sealed class StoreJsonContextTests
{
    private static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions Generated = StoreJsonContext.WebOptions();

    [Fact]
    public void Container_rows_are_written_and_read_as_before()
    {
        var config = SampleConfig();
        var state = SampleState();

        var text = JsonSerializer.Serialize(config, Reflection);
        Assert.Equal(text, JsonSerializer.Serialize(config, Generated));
        Assert.Equal(text, JsonSerializer.Serialize(JsonSerializer.Deserialize<ContainerConfig>(text, Generated), Reflection));

        var stateText = JsonSerializer.Serialize(state, Reflection);
        Assert.Equal(stateText, JsonSerializer.Serialize(state, Generated));
        Assert.Equal(stateText, JsonSerializer.Serialize(JsonSerializer.Deserialize<ContainerRuntimeState>(stateText, Generated), Reflection));
    }

    [Fact]
    public void Image_and_layer_lists_are_written_and_read_as_before()
    {
        var images = new List<ImageRecord>
        {
            new("abc", ["localhost/a:latest"], "sha256:1", ["sha256:1"], "application/vnd.oci.image.manifest.v1+json",
                "top", DateTimeOffset.Parse("2024-01-02T03:04:05Z"), 42, ["localhost/a:latest"]),
        };
        var layers = new List<LayerRecord> { new("top", null, "sha256:2", null, 7, false, true) };

        var imagesText = JsonSerializer.Serialize(images, Reflection);
        var layersText = JsonSerializer.Serialize(layers, Reflection);
        Assert.Equal(imagesText, JsonSerializer.Serialize(images, Generated));
        Assert.Equal(layersText, JsonSerializer.Serialize(layers, Generated));
        Assert.Equal(imagesText, JsonSerializer.Serialize(JsonSerializer.Deserialize<List<ImageRecord>>(imagesText, Generated), Reflection));
        Assert.Equal(layersText, JsonSerializer.Serialize(JsonSerializer.Deserialize<List<LayerRecord>>(layersText, Generated), Reflection));
    }

    [Fact]
    public void Plugin_manifests_still_read_keys_in_any_case()
    {
        var manifest = JsonSerializer.Deserialize<Contracts.Plugins.PluginManifest>(
            """{"kind":"runtime","IDS":["runc"],"contracts":"0.1","Assembly":"a.dll","module":"M"}""",
            ManifestJsonContext.CaseInsensitiveOptions());

        Assert.NotNull(manifest);
        Assert.Equal(["runc"], manifest.Ids);
        Assert.Equal("a.dll", manifest.Assembly);
    }

    private static ContainerConfig SampleConfig() => new()
    {
        Id = "id1",
        Name = "n1",
        Created = DateTimeOffset.Parse("2024-01-02T03:04:05.123Z"),
        Hostname = "h",
        Runtime = "runc",
        LayerId = "id1",
        ProcessArgs = ["sh", "-c", "true"],
        Labels = new Dictionary<string, string> { ["k"] = "v" },
        Networks = new Dictionary<string, ContainerNetworkOptions>
        {
            ["net1"] = new("eth0", ["10.1.0.2"], null, ["alias"]),
        },
        PortMappings = [new PortMapping("", 80, 8080, 1, "tcp")],
        Mounts = [new ContainerMount { Type = ContainerMount.VolumeType, Source = "v", Destination = "/data", Anonymous = true }],
        Healthcheck = new HealthConfig { Test = ["CMD", "true"], Interval = TimeSpan.FromSeconds(5) },
        RestartPolicy = "on-failure",
        RestartRetries = 2,
    };

    private static ContainerRuntimeState SampleState() => new()
    {
        Status = ContainerStatus.Running,
        Pid = 12,
        ExitCode = 3,
        StartedAt = DateTimeOffset.Parse("2024-01-02T03:04:05Z"),
        Networks = new Dictionary<string, NetworkStatus>
        {
            ["net1"] = new([new InterfaceStatus("eth0", "aa:bb", [new InterfaceAddress("10.1.0.2/24", "10.1.0.1")])], ["10.1.0.1"], []),
        },
    };
}
