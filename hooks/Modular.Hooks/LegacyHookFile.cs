namespace Modular.Hooks;

/// <summary>
/// Schema 0.1.0 (oci-hooks(5)): <c>hook</c> is the path, <c>arguments</c> follow it,
/// <c>stages</c>/<c>stage</c>, <c>cmds</c>/<c>cmd</c>, <c>annotations</c>/<c>annotation</c>
/// (patterns on annotation values) and <c>hasbindmounts</c>; any one condition is enough.
/// </summary>
internal static class LegacyHookFile
{
    public static HookDefinition Read(string filePath, GoJsonFields fields)
    {
        var path = fields.String("hook")
            ?? throw new HookFileException("missing required property: hook");
        var stages = Synonym(fields, "stages", "stage")
            ?? throw new HookFileException("missing required property: stages");
        var commands = Synonym(fields, "cmds", "cmd");
        var annotations = Synonym(fields, "annotations", "annotation");
        var arguments = fields.Strings("arguments");

        // As Podman converts them: the value patterns become one alternation on any key.
        var when = new HookWhen
        {
            Commands = commands ?? [],
            HasBindMounts = fields.Bool("hasbindmounts"),
            Annotations = annotations is null
                ? new Dictionary<string, string>()
                : new Dictionary<string, string> { [".*"] = string.Join('|', annotations) },
            Or = true,
        };
        var args = arguments is null ? [] : (IReadOnlyList<string>)[path, .. arguments];
        return new HookDefinition(
            filePath, HookFileReader.LegacyVersion, new OciHook(path, args, [], null), when, stages);
    }

    private static IReadOnlyList<string>? Synonym(GoJsonFields fields, string plural, string singular)
    {
        var many = fields.Strings(plural);
        var one = fields.Strings(singular);
        return many is not null && one is not null
            ? throw new HookFileException($"cannot set both '{singular}' and '{plural}'")
            : many ?? one;
    }
}
