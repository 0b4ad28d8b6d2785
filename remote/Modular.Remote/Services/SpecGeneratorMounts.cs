using System.Text.Json.Nodes;
using Modular.Engine.Containers;
using Modular.Engine.State;
using Modular.Engine.Volumes;

namespace Modular.Remote.Services;

/// <summary>
/// <c>-v</c>, <c>--mount</c> and <c>--tmpfs</c> as Podman's client sends them: parsed and
/// checked here with the CLI's own parser (so bad input fails before any request), then
/// bind and tmpfs mounts under <c>mounts</c>, named and anonymous volumes under <c>volumes</c>.
/// </summary>
internal static class SpecGeneratorMounts
{
    public static void AddTo(JsonObject spec, CreateContainerRequest request)
    {
        // A relative bind source (./data) means the caller's directory, as Podman's client
        // resolves it before sending; the service cannot know where the caller stands.
        var mounts = MountParser.Parse(
            request.Volumes,
            request.Mounts,
            request.Tmpfs,
            Environment.CurrentDirectory);
        var paths = new JsonArray();
        var volumes = new JsonArray();
        foreach (var mount in mounts)
        {
            if (mount.Type == ContainerMount.VolumeType)
            {
                volumes.Add(Volume(mount));
            }
            else
            {
                paths.Add(Mount(mount));
            }
        }

        if (paths.Count > 0)
        {
            spec["mounts"] = paths;
        }

        if (volumes.Count > 0)
        {
            spec["volumes"] = volumes;
        }
    }

    // Podman's NamedVolume has no JSON tags: its keys are the Go field names.
    private static JsonObject Volume(ContainerMount mount) => new()
    {
        ["Name"] = mount.Anonymous ? "" : mount.Source,
        ["Dest"] = mount.Destination,
        ["Options"] = Strings(mount.Options),
        ["IsAnonymous"] = mount.Anonymous,
    };

    private static JsonObject Mount(ContainerMount mount) => new()
    {
        ["destination"] = mount.Destination,
        ["type"] = mount.Type,
        ["source"] = mount.Source,
        ["options"] = Strings(mount.Options),
    };

    private static JsonArray Strings(IEnumerable<string> items) =>
        new(items.Select(item => (JsonNode)JsonValue.Create(item)!).ToArray());
}
