using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Engine.Images.Transports;

/// <summary>
/// <c>--change</c> instructions (USER, EXPOSE, ENV, ENTRYPOINT, CMD, VOLUME, WORKDIR, LABEL,
/// STOPSIGNAL, ONBUILD) applied to an image config's <c>config</c> object, with the forms
/// and error texts of containers/common's ImageConfigFromChanges.
/// </summary>
public static class ConfigChanges
{
    public static JsonObject Apply(IReadOnlyList<string> changes)
    {
        var config = new ConfigBuilder();
        foreach (var change in changes)
        {
            var (key, value) = Split(change);
            config.Apply(change, key, value);
        }

        return config.ToJson();
    }

    private static (string Key, string Value) Split(string change)
    {
        var space = change.IndexOf(' ');
        var at = space >= 0 ? space : change.IndexOf('=');
        if (at < 0)
        {
            throw Invalid(change, "must be formatted as KEY VALUE");
        }

        return (change[..at].Trim().ToUpperInvariant(), change[(at + 1)..].Trim());
    }

    internal static InvalidInputException Invalid(string change, string reason) =>
        new($"invalid change \"{change}\" - {reason}");

    /// <summary>A JSON array of strings, or null when <paramref name="value"/> is not one.</summary>
    internal static List<string>? JsonList(string value)
    {
        try
        {
            return JsonSerializer.Deserialize<List<string>>(value);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string Unquote(string text) =>
        text.Length >= 2 && text.StartsWith('"') && text.EndsWith('"') ? text[1..^1] : text;

    internal static string StopSignal(string change, string value)
    {
        try
        {
            return Signals.Parse(value).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (ModularException e)
        {
            throw Invalid(change, $"KILLSIGNAL must be given a valid signal: {e.Message}");
        }
    }
}
