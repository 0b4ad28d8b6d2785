using System.Globalization;
using System.Text.Json.Nodes;

namespace Modular.Api.Compat;

/// <summary>
/// Docker's HostConfig.Mounts ([{Type, Source, Target, ReadOnly, BindOptions, TmpfsOptions,
/// VolumeOptions}]) as the CLI's <c>--mount</c> words, so the engine treats them as it treats
/// <c>run --mount</c>. TmpfsOptions.Mode arrives as a number (JSON has no octal): it goes
/// on as the octal digits Podman writes (493 is 755).
/// </summary>
public static class DockerMounts
{
    public static IReadOnlyList<string> ToFlags(JsonNode? mounts) =>
        (mounts as JsonArray)?.OfType<JsonObject>().Select(ToFlag).ToList() ?? [];

    private static string ToFlag(JsonObject mount)
    {
        var type = (Text(mount, "Type") ?? "volume").ToLowerInvariant();
        var words = new List<string> { "type=" + type };
        if (Text(mount, "Source") is { Length: > 0 } source)
        {
            words.Add("source=" + source);
        }

        words.Add("destination=" + Text(mount, "Target"));
        if (mount["ReadOnly"] is JsonValue ro && ro.TryGetValue<bool>(out var readOnly) && readOnly)
        {
            words.Add("ro");
        }

        words.AddRange(type switch
        {
            "tmpfs" => TmpfsWords(mount["TmpfsOptions"] as JsonObject),
            "bind" => BindWords(mount["BindOptions"] as JsonObject),
            "volume" => VolumeWords(mount["VolumeOptions"] as JsonObject),
            _ => [],
        });
        return string.Join(',', words);
    }

    private static IEnumerable<string> TmpfsWords(JsonObject? options)
    {
        if (Number(options, "SizeBytes") is > 0 and var size)
        {
            yield return "tmpfs-size=" + size.ToString(CultureInfo.InvariantCulture);
        }

        if (Number(options, "Mode") is > 0 and var mode)
        {
            yield return "tmpfs-mode=" + Convert.ToString(mode, 8);
        }
    }

    private static IEnumerable<string> BindWords(JsonObject? options)
    {
        if (Text(options, "Propagation") is { Length: > 0 } propagation)
        {
            yield return "bind-propagation=" + propagation;
        }

        if (options?["NonRecursive"] is JsonValue value && value.TryGetValue<bool>(out var flat) && flat)
        {
            yield return "bind-nonrecursive";
        }
    }

    private static IEnumerable<string> VolumeWords(JsonObject? options)
    {
        if (options?["NoCopy"] is JsonValue value && value.TryGetValue<bool>(out var noCopy) && noCopy)
        {
            yield return "volume-nocopy";
        }
    }

    private static string? Text(JsonObject? node, string key) =>
        node?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static long? Number(JsonObject? node, string key) =>
        node?[key] is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;
}
