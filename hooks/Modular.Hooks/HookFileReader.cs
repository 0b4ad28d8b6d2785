using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Modular.Hooks;

/// <summary>
/// Reads one hooks.d file, schema 1.0.0 or the older 0.1.0 (no <c>version</c> key, or
/// "0.1.0"), and validates it as Podman does, with Podman's error texts: parse errors are
/// prefixed <c>parsing hook "FILE": VERSION:</c>, validation errors are not.
/// </summary>
public static class HookFileReader
{
    public const string CurrentVersion = "1.0.0";
    public const string LegacyVersion = "0.1.0";

    /// <summary>Reads and validates <paramref name="filePath"/>.</summary>
    /// <exception cref="HookFileException">The file is invalid; the message says why.</exception>
    public static HookDefinition Read(string filePath)
    {
        var text = File.ReadAllText(filePath);
        HookDefinition definition;
        bool stagesGiven;
        try
        {
            (definition, stagesGiven) = Parse(filePath, text);
        }
        catch (HookFileException e)
        {
            throw new HookFileException($"parsing hook \"{filePath}\": {e.Message}");
        }

        Validate(definition, stagesGiven);
        return definition;
    }

    private static (HookDefinition Definition, bool StagesGiven) Parse(string filePath, string text)
    {
        var root = ParseObject(text);
        var version = new GoJsonFields(root, "version").String("version") ?? "";
        var fields = new GoJsonFields(root, "Hook");
        try
        {
            return version switch
            {
                CurrentVersion => ReadCurrent(filePath, fields),
                LegacyVersion or "" => (LegacyHookFile.Read(filePath, fields), true),
                _ => throw new HookFileException($"unrecognized hook version: \"{version}\""),
            };
        }
        catch (HookFileException e) when (!e.Message.StartsWith("unrecognized", StringComparison.Ordinal))
        {
            throw new HookFileException($"{version}: {e.Message}");
        }
    }

    private static JsonObject ParseObject(string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            // Go reports a truncated document as "unexpected end of JSON input".
            var truncated = e.Message.Contains("end of", StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase);
            var reason = truncated
                ? "unexpected end of JSON input"
                : $"invalid JSON: {FirstSentence(e.Message)}";
            throw new HookFileException("version check: " + reason);
        }

        return node as JsonObject ?? throw new HookFileException(
            "version check: json: cannot unmarshal non-object into Go value of type hooks.version");
    }

    private static (HookDefinition, bool) ReadCurrent(string filePath, GoJsonFields fields)
    {
        var hook = fields.Object("hook", "specs.Hook");
        var when = fields.Object("when", "hook.When");
        var stages = fields.Strings("stages");
        return (new HookDefinition(
            filePath,
            CurrentVersion,
            new OciHook(
                hook?.String("path") ?? "",
                hook?.Strings("args") ?? [],
                hook?.Strings("env") ?? [],
                hook?.Int("timeout")),
            new HookWhen
            {
                Always = when?.Bool("always"),
                Annotations = when?.StringMap("annotations") ?? new Dictionary<string, string>(),
                Commands = when?.Strings("commands") ?? [],
                HasBindMounts = when?.Bool("hasBindMounts"),
            },
            stages ?? []), stages is not null);
    }

    // Podman's Validate, in its order: path, the program itself, patterns, stages.
    private static void Validate(HookDefinition definition, bool stagesGiven)
    {
        if (definition.Hook.Path.Length == 0)
        {
            throw new HookFileException("missing required property: hook.path");
        }

        if (!File.Exists(definition.Hook.Path) && !Directory.Exists(definition.Hook.Path))
        {
            throw new HookFileException(
                $"stat {definition.Hook.Path}: no such file or directory", missingProgram: true);
        }

        foreach (var (key, value) in definition.When.Annotations)
        {
            CheckPattern(key, "annotation key");
            CheckPattern(value, "annotation value");
        }

        foreach (var command in definition.When.Commands)
        {
            CheckPattern(command, "command");
        }

        if (!stagesGiven)
        {
            throw new HookFileException("missing required property: stages");
        }

        if (definition.Stages.FirstOrDefault(stage => !HookStages.Known.Contains(stage)) is { } unknown)
        {
            throw new HookFileException($"unknown stage \"{unknown}\"");
        }
    }

    private static void CheckPattern(string pattern, string what)
    {
        try
        {
            _ = new Regex(pattern);
        }
        catch (ArgumentException e)
        {
            throw new HookFileException($"invalid {what} \"{pattern}\": {FirstSentence(e.Message)}");
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
