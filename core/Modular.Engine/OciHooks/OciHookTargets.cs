using System.Text.Json.Nodes;
using Modular.Engine.Containers;
using Modular.Engine.State;
using Modular.Hooks;

namespace Modular.Engine.OciHooks;

/// <summary>
/// What hooks are matched against: the spec's process.args[0] and annotations, as Podman
/// matches them, and whether the user asked for a host bind mount (-v /host:/ctr,
/// --mount type=bind); named volumes and tmpfs mounts are not bind mounts of the host's.
/// </summary>
public static class OciHookTargets
{
    /// <summary>The target of a spec about to be written for <paramref name="config"/>.</summary>
    public static HookTarget For(JsonObject spec, ContainerConfig config) => new(
        spec["process"]?["args"]?[0]?.GetValue<string>() ?? "",
        AnnotationsOf(spec),
        config.Mounts.Any(mount => mount.Type == ContainerMount.BindType));

    /// <summary>The target a create request would have, for <c>hooks test</c>.</summary>
    public static HookTarget For(
        IReadOnlyList<string> processArgs,
        IReadOnlyDictionary<string, string> annotations,
        CreateContainerRequest request) => new(
        processArgs.FirstOrDefault() ?? "",
        annotations,
        request.Volumes.Any(IsBindVolume) || request.Mounts.Any(IsBindMount));

    private static Dictionary<string, string> AnnotationsOf(JsonObject spec) =>
        (spec["annotations"] as JsonObject ?? [])
            .ToDictionary(
                pair => pair.Key,
                pair => pair.Value?.GetValue<string>() ?? "",
                StringComparer.Ordinal);

    // -v SOURCE:DEST binds a host path when SOURCE is a path; a name is a volume.
    private static bool IsBindVolume(string value) =>
        value.Contains(':', StringComparison.Ordinal) && value[0] is '/' or '.';

    private static bool IsBindMount(string value) =>
        value.Split(',').Any(option => option.Trim() == "type=bind");
}
