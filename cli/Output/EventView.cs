using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Hooks;

namespace Modular.Cli.Output;

/// <summary>Events as Podman prints them: a human line, or an object with its Go names.</summary>
public static class EventView
{
    public static JsonObject From(EngineEvent e)
    {
        var attributes = new JsonObject();
        foreach (var (key, value) in e.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            attributes[key] = value;
        }

        var view = new JsonObject
        {
            ["ID"] = e.Id,
            ["Image"] = e.Attributes.GetValueOrDefault("image", ""),
            ["Name"] = e.Name,
            ["Status"] = e.Status,
            ["Time"] = e.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffK", CultureInfo.InvariantCulture),
            ["Type"] = e.Type,
            ["TimeNano"] = (e.Time - DateTimeOffset.UnixEpoch).Ticks * 100,
            ["Attributes"] = attributes,
        };
        if (e.Attributes.TryGetValue("containerExitCode", out var code) && int.TryParse(code, out var exit))
        {
            view["ContainerExitCode"] = exit;
        }

        return view;
    }

    /// <summary>"TIME container start ID (image=IMG, name=NAME, k=v)" or, for images, "TIME image pull ID NAME".</summary>
    public static string Human(EngineEvent e)
    {
        // Podman names a volume event by the volume alone: volumes have no id.
        if (e.Type == "volume")
        {
            return $"{HumanUnits.GoTime(e.Time)} {e.Type} {e.Status} {e.Name}";
        }

        var head = $"{HumanUnits.GoTime(e.Time)} {e.Type} {e.Status} {e.Id}";
        if (e.Type != "container" && e.Type != "pod")
        {
            return $"{head} {e.Name}";
        }

        var extra = e.Attributes.Where(p => p.Key is not ("image" or "name"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $", {p.Key}={p.Value}");
        return $"{head} (image={e.Attributes.GetValueOrDefault("image", "")}, name={e.Name}{string.Concat(extra)})";
    }
}
