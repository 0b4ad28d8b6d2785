using System.Globalization;
using System.Text.Json.Nodes;

namespace Modular.Cli.Templates;

/// <summary>
/// Go's built-in template functions plus those Podman registers (json, upper, lower,
/// title, join, split, truncate, pad, replace). Arguments arrive evaluated.
/// </summary>
public static class TemplateFunctions
{
    private static readonly Dictionary<string, Func<IReadOnlyList<JsonNode?>, JsonNode?>> Table = new()
    {
        ["json"] = a => Str(TemplateValues.Json(Arg(a, 0, "json", 1))),
        ["upper"] = a => Str(Text(a, 0, "upper", 1).ToUpperInvariant()),
        ["lower"] = a => Str(Text(a, 0, "lower", 1).ToLowerInvariant()),
        ["title"] = a => Str(Title(Text(a, 0, "title", 1))),
        ["join"] = a => Str(string.Join(Text(a, 1, "join", 2), Items(Arg(a, 0, "join", 2)))),
        ["split"] = a => Split(Text(a, 0, "split", 2), Text(a, 1, "split", 2)),
        ["truncate"] = a => Str(Truncate(Text(a, 0, "truncate", 2), Int(Arg(a, 1, "truncate", 2)))),
        ["pad"] = a => Str(Pad(Text(a, 0, "pad", 3), Int(a[1]), Int(a[2]))),
        ["replace"] = a => Str(Text(a, 0, "replace", 3).Replace(Text(a, 1, "replace", 3), Text(a, 2, "replace", 3), StringComparison.Ordinal)),
        ["len"] = a => JsonValue.Create(Length(Arg(a, 0, "len", 1))),
        ["index"] = Index,
        ["printf"] = a => Str(GoFormat.Sprintf(Text(a, 0, "printf", -1), a.Skip(1).ToList())),
        ["print"] = a => Str(string.Concat(a.Select(TemplateValues.Print))),
        ["println"] = a => Str(string.Join(' ', a.Select(TemplateValues.Print)) + "\n"),
        ["not"] = a => JsonValue.Create(!TemplateValues.IsTrue(Arg(a, 0, "not", 1))),
        ["and"] = a => a.FirstOrDefault(x => !TemplateValues.IsTrue(x), a.Count > 0 ? a[^1] : null),
        ["or"] = a => a.FirstOrDefault(TemplateValues.IsTrue, a.Count > 0 ? a[^1] : null),
        ["eq"] = a => JsonValue.Create(a.Skip(1).Any(x => Compare(a[0], x) == 0)),
        ["ne"] = a => JsonValue.Create(Compare(a[0], a[1]) != 0),
        ["lt"] = a => JsonValue.Create(Compare(a[0], a[1]) < 0),
        ["le"] = a => JsonValue.Create(Compare(a[0], a[1]) <= 0),
        ["gt"] = a => JsonValue.Create(Compare(a[0], a[1]) > 0),
        ["ge"] = a => JsonValue.Create(Compare(a[0], a[1]) >= 0),
    };

    public static bool Exists(string name) => Table.ContainsKey(name);

    public static JsonNode? Call(string name, IReadOnlyList<JsonNode?> args)
    {
        if (!Table.TryGetValue(name, out var function))
        {
            throw new TemplateException($"function \"{name}\" not defined");
        }

        return function(args);
    }

    private static JsonNode Str(string s) => JsonValue.Create(s);

    private static JsonNode? Arg(IReadOnlyList<JsonNode?> args, int i, string name, int want)
    {
        if (args.Count <= i || (want > 0 && args.Count != want))
        {
            throw new TemplateException($"wrong number of args for {name}: want {want} got {args.Count}");
        }

        return args[i];
    }

    private static string Text(IReadOnlyList<JsonNode?> args, int i, string name, int want) =>
        TemplateValues.AsString(Arg(args, i, name, want)) ?? TemplateValues.Print(args[i]);

    private static IEnumerable<string> Items(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(x => TemplateValues.AsString(x) ?? TemplateValues.Print(x)),
        null => [],
        _ => [TemplateValues.Print(node)],
    };

    private static int Int(JsonNode? node) =>
        TemplateValues.TryNumber(node, out var n)
            ? (int)n
            : throw new TemplateException($"expected integer; found {TemplateValues.Print(node)}");

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..Math.Max(0, n)];

    private static string Pad(string s, int left, int right) =>
        new string(' ', Math.Max(0, left)) + s + new string(' ', Math.Max(0, right));

    private static string Title(string s) =>
        string.Join(' ', s.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    private static JsonArray Split(string s, string sep) =>
        new(s.Split(sep).Select(x => (JsonNode?)JsonValue.Create(x)).ToArray());

    private static int Length(JsonNode? node) => node switch
    {
        JsonArray a => a.Count,
        JsonObject o => o.Count,
        _ when TemplateValues.AsString(node) is { } s => s.Length,
        _ => throw new TemplateException($"len of {TemplateValues.Print(node)}"),
    };

    private static JsonNode? Index(IReadOnlyList<JsonNode?> args)
    {
        var current = Arg(args, 0, "index", -1);
        foreach (var key in args.Skip(1))
        {
            current = current switch
            {
                JsonArray a when TemplateValues.TryNumber(key, out var n) =>
                    n >= 0 && n < a.Count
                        ? a[(int)n]
                        : throw new TemplateException($"error calling index: index out of range: {n}"),
                JsonObject o => o[TemplateValues.AsString(key) ?? TemplateValues.Print(key)],
                _ => throw new TemplateException($"error calling index: cannot index {TemplateValues.Print(current)}"),
            };
        }

        return current;
    }

    private static int Compare(JsonNode? a, JsonNode? b)
    {
        if (TemplateValues.TryNumber(a, out var x) && TemplateValues.TryNumber(b, out var y))
        {
            return x.CompareTo(y);
        }

        return string.CompareOrdinal(TemplateValues.Print(a), TemplateValues.Print(b));
    }
}
