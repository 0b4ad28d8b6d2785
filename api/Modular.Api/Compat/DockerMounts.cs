using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;

namespace Modular.Api.Compat;

/// <summary>
/// HostConfig.Mounts (the docker CLI's --mount and docker-compose's long volume syntax)
/// written as --mount values, so the engine's own parser creates named volumes and checks
/// options exactly as for the CLI.
/// </summary>
public static class DockerMounts
{
    public static List<string> ToFlags(JsonNode? node) =>
        (node as JsonArray)?.OfType<JsonObject>().Select(ToFlag).ToList() ?? [];

    private static string ToFlag(JsonObject mount)
    {
        var type = DockerHostConfig.Text(mount, "Type")
            ?? throw new InvalidInputException("HostConfig.Mounts: Type is required");
        var target = DockerHostConfig.Text(mount, "Target")
            ?? throw new InvalidInputException("HostConfig.Mounts: Target is required");
        var parts = new List<string> { $"type={type}" };
        if (DockerHostConfig.Text(mount, "Source") is { } source)
        {
            parts.Add($"source={source}");
        }

        parts.Add($"target={target}");
        if (mount["ReadOnly"] is JsonValue ro && ro.TryGetValue<bool>(out var readOnly) && readOnly)
        {
            parts.Add("ro=true");
        }

        parts.AddRange(type switch
        {
            "bind" => BindOptions(mount["BindOptions"] as JsonObject),
            "volume" => VolumeOptions(mount["VolumeOptions"] as JsonObject),
            "tmpfs" => TmpfsOptions(mount["TmpfsOptions"] as JsonObject),
            _ => throw new InvalidInputException($"HostConfig.Mounts: mount type {type} is not supported"),
        });
        return string.Join(',', parts);
    }

    private static IEnumerable<string> BindOptions(JsonObject? options)
    {
        if (options is null)
        {
            yield break;
        }

        if (DockerHostConfig.Text(options, "Propagation") is { } propagation)
        {
            yield return $"bind-propagation={propagation}";
        }

        if (options["NonRecursive"] is JsonValue v && v.TryGetValue<bool>(out var flat) && flat)
        {
            yield return "bind-nonrecursive";
        }
    }

    private static IEnumerable<string> VolumeOptions(JsonObject? options)
    {
        // Limitation: the engine's --mount has no subpath yet; mounting the whole volume
        // instead would show the container files it was not meant to see.
        if (options is not null && DockerHostConfig.Text(options, "Subpath") is not null)
        {
            throw new InvalidInputException("HostConfig.Mounts: VolumeOptions.Subpath is not supported");
        }

        if (options?["NoCopy"] is JsonValue v && v.TryGetValue<bool>(out var noCopy) && noCopy)
        {
            yield return "volume-nocopy";
        }

        // The engine's volume driver options come through volume-opt, one KEY=VALUE each.
        foreach (var option in options?["DriverConfig"]?["Options"] as JsonObject ?? [])
        {
            yield return $"volume-opt={option.Key}={option.Value}";
        }
    }

    private static IEnumerable<string> TmpfsOptions(JsonObject? options)
    {
        if (options is null)
        {
            yield break;
        }

        if (DockerHostConfig.Number(options, "SizeBytes") is { } size)
        {
            yield return $"tmpfs-size={size.ToString(CultureInfo.InvariantCulture)}";
        }

        // Go's os.FileMode travels as a decimal number; --mount's tmpfs-mode is octal.
        if (DockerHostConfig.Number(options, "Mode") is { } mode)
        {
            yield return $"tmpfs-mode={Convert.ToString(UnixMode(mode), 8)}";
        }
    }

    // Go keeps setuid, setgid and sticky in high bits (1<<23, 1<<22, 1<<20), not 07000.
    private static long UnixMode(long mode)
    {
        var unix = mode & 0xfff;
        unix |= (mode & (1L << 23)) != 0 ? 0x800L : 0L;
        unix |= (mode & (1L << 22)) != 0 ? 0x400L : 0L;
        unix |= (mode & (1L << 20)) != 0 ? 0x200L : 0L;
        return unix;
    }
}
