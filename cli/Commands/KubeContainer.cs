using System.Text.Json.Nodes;
using static Modular.Cli.Commands.KubePod;

namespace Modular.Cli.Commands;

/// <summary>One entry of a Pod's <c>spec.containers</c>, as <c>kube play</c> uses it.</summary>
public sealed record KubeContainer(
    string Name,
    string Image,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Args,
    IReadOnlyList<string> Env,
    string? WorkingDir,
    IReadOnlyList<string> Ports)
{
    public static KubeContainer From(JsonObject container) => new(
        Text(container["name"]),
        Text(container["image"]),
        Strings(container["command"]),
        Strings(container["args"]),
        [.. Items(container["env"]).Select(e => $"{Text(e["name"])}={Text(e["value"])}")],
        Text(container["workingDir"]) is { Length: > 0 } dir ? dir : null,
        [.. Items(container["ports"]).Where(p => p["hostPort"] is not null).Select(Publish)]);

    // Only a port with a hostPort is published, as Podman does without --publish-all.
    private static string Publish(JsonObject port)
    {
        var protocol = Text(port["protocol"]).ToLowerInvariant();
        var ip = Text(port["hostIP"]);
        var mapping = $"{Text(port["hostPort"])}:{Text(port["containerPort"])}";
        return (ip.Length > 0 ? $"{ip}:{mapping}" : mapping) + (protocol.Length > 0 ? "/" + protocol : "");
    }
}
