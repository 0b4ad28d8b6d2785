using System.Text.Json.Nodes;

namespace Modular.Cli.Output;

/// <summary>
/// Podman's image inspect holds the OCI image config as a struct: a template reads a field
/// the image never set as its zero value (<c>{{.Config.Entrypoint}}</c> prints <c>[]</c>),
/// while the JSON omits it. The template view gains the fields the template names.
/// </summary>
public static class ImageConfigFields
{
    private static readonly string[] Lists = ["Env", "Entrypoint", "Cmd", "OnBuild"];

    private static readonly string[] Maps = ["ExposedPorts", "Volumes", "Labels"];

    private static readonly string[] Texts = ["User", "WorkingDir", "StopSignal"];

    /// <summary>Adds the named, absent config fields of an image's view; others are left alone.</summary>
    public static JsonObject Fill(JsonObject view, string body)
    {
        // An image's inspect has RootFS and no State; a container's Config is another struct.
        if (view["Config"] is not JsonObject config || !view.ContainsKey("RootFS") || view.ContainsKey("State"))
        {
            return view;
        }

        foreach (var key in Lists.Where(k => Named(body, k)))
        {
            config.TryAdd(key, new JsonArray());
        }

        foreach (var key in Maps.Where(k => Named(body, k)))
        {
            config.TryAdd(key, new JsonObject());
        }

        foreach (var key in Texts.Where(k => Named(body, k)))
        {
            config.TryAdd(key, "");
        }

        if (Named(body, "ArgsEscaped"))
        {
            config.TryAdd("ArgsEscaped", false);
        }

        return view;
    }

    private static bool Named(string body, string key) =>
        body.Contains("." + key, StringComparison.Ordinal);
}
