using System.Text.Json.Nodes;

namespace Modular.Engine.Security;

public static partial class BuiltinSeccompProfile
{
    /// <summary>A fresh copy of the profile, in the same format as seccomp.json.</summary>
    public static JsonObject Create() => new()
    {
        ["defaultAction"] = "SCMP_ACT_ERRNO",
        ["defaultErrnoRet"] = Enosys,
        ["archMap"] = new JsonArray(ArchMap.Select(arches => (JsonNode)new JsonObject
        {
            ["architecture"] = arches[0],
            ["subArchitectures"] = SecuritySpec.Strings(arches.Skip(1)),
        }).ToArray()),
        ["syscalls"] = new JsonArray(Rules.Select(rule => rule.DeepClone()).ToArray()),
    };

    private static JsonObject Allow(
        string names,
        string? needs = null,
        string? unless = null,
        string? arches = null,
        JsonObject[]? args = null) =>
        Rule("SCMP_ACT_ALLOW", null, names, needs, unless, arches, args);

    private static JsonObject Errno(
        int errno,
        string names,
        string? needs = null,
        string? unless = null,
        string? arches = null,
        JsonObject[]? args = null) =>
        Rule("SCMP_ACT_ERRNO", errno, names, needs, unless, arches, args);

    private static JsonObject Arg(int index, ulong value, string op) => new()
    {
        ["index"] = index,
        ["value"] = value,
        ["valueTwo"] = 0,
        ["op"] = "SCMP_CMP_" + op,
    };

    private static JsonObject Rule(
        string action,
        int? errno,
        string names,
        string? needs,
        string? unless,
        string? arches,
        JsonObject[]? args)
    {
        var rule = new JsonObject
        {
            ["names"] = SecuritySpec.Strings(Words(names)),
            ["action"] = action,
            ["includes"] = new JsonObject(),
            ["excludes"] = new JsonObject(),
        };
        if (errno is not null)
        {
            rule["errnoRet"] = errno.Value;
        }

        if (needs is not null)
        {
            rule["includes"]!["caps"] = SecuritySpec.Strings(Words(needs));
        }

        if (arches is not null)
        {
            rule["includes"]!["arches"] = SecuritySpec.Strings(Words(arches));
        }

        if (unless is not null)
        {
            rule["excludes"]!["caps"] = SecuritySpec.Strings(Words(unless));
        }

        if (args is not null)
        {
            rule["args"] = new JsonArray(args.Select(arg => (JsonNode)arg).ToArray());
        }

        return rule;
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
