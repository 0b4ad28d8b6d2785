using System.Text.Json.Nodes;
using Modular.Engine.Containers;

namespace Modular.Api.Compat;

/// <summary>
/// Docker's container shapes (the list entry and the inspect object) made from what the
/// engine gives the CLI: Podman's inspect object is already Docker's in most keys.
/// </summary>
public static class DockerContainerJson
{
    public static JsonObject ListEntry(ContainerInfo c, JsonObject? inspect)
    {
        var mode = inspect?["HostConfig"]?["NetworkMode"]?.GetValue<string>() ?? "bridge";
        var networks = inspect?["NetworkSettings"]?["Networks"]?.DeepClone() as JsonObject ?? [];
        return new JsonObject
        {
            ["Id"] = c.Id,
            ["Names"] = new JsonArray("/" + c.Name),
            ["Image"] = c.ImageName,
            ["ImageID"] = "sha256:" + c.ImageId,
            ["Command"] = string.Join(' ', c.Command),
            ["Created"] = c.Created.ToUnixTimeSeconds(),
            ["Ports"] = DockerPortBindings.ToList(c.Ports, inspect?["NetworkSettings"]?["Ports"] as JsonObject),
            ["Labels"] = Labels(c.Labels),
            ["State"] = DockerState.Of(c.State),
            ["Status"] = ContainerService.StatusText(c),
            ["HostConfig"] = new JsonObject { ["NetworkMode"] = mode },
            ["NetworkSettings"] = new JsonObject { ["Networks"] = networks },
            ["Mounts"] = inspect?["Mounts"]?.DeepClone() ?? new JsonArray(),
        };
    }

    /// <summary>Podman's inspect object with Docker's spellings where they differ.</summary>
    public static JsonObject Inspect(JsonObject podman)
    {
        var json = (JsonObject)podman.DeepClone();
        json["Name"] = "/" + (json["Name"]?.GetValue<string>() ?? "");
        if (json["Image"]?.GetValue<string>() is { } image && !image.StartsWith("sha256:", StringComparison.Ordinal))
        {
            json["Image"] = "sha256:" + image;
        }

        if (json["State"] is JsonObject state)
        {
            ShapeState(state, json["Config"]?["Healthcheck"] is not null);
        }

        if (json["Config"] is JsonObject config)
        {
            config["Image"] ??= json["ImageName"]?.DeepClone();
            config["Labels"] ??= new JsonObject();

            // Docker's key is a string; Podman's compat inspect writes the signal's number
            // in it ("9", "15"), whatever name the container was created with.
            if (config["StopSignal"] is JsonValue signal && signal.TryGetValue<int>(out var number))
            {
                config["StopSignal"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        // Docker clients know json-file, not k8s-file (docker-compose logs refuses other
        // drivers); Podman's compat inspect says json-file for it too.
        if (json["HostConfig"]?["LogConfig"] is JsonObject log
            && log["Type"]?.GetValue<string>() is "k8s-file")
        {
            log["Type"] = "json-file";
        }

        Libpod.LibpodJson.UnsetSwappiness(json);
        return json;
    }

    private static void ShapeState(JsonObject state, bool hasHealthcheck)
    {
        if (state["Status"]?.GetValue<string>() is { } status)
        {
            state["Status"] = DockerState.Of(status);
        }

        // Docker has State.Health only for containers with a healthcheck.
        if (!hasHealthcheck)
        {
            state.Remove("Health");
        }

        foreach (var key in new[] { "OciVersion", "ConmonPid", "CgroupPath", "CheckpointedAt", "RestoredAt",
            "Checkpointed", "Restored", "CheckpointLog", "CheckpointPath", "RestoreLog", "StoppedByUser" })
        {
            state.Remove(key);
        }
    }

    private static JsonObject Labels(IReadOnlyDictionary<string, string> labels)
    {
        var json = new JsonObject();
        foreach (var (key, value) in labels)
        {
            json[key] = value;
        }

        return json;
    }
}
