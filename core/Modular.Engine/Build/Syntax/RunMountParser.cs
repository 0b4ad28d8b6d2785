using System.Globalization;

namespace Modular.Engine.Build.Syntax;

/// <summary>
/// Parses the value of <c>RUN --mount=</c>: comma-separated <c>key=value</c> or bare keys;
/// <c>type</c> defaults to bind. Values are kept as written (the scope expands them).
/// </summary>
internal static class RunMountParser
{
    private static readonly HashSet<string> Types =
        [RunMount.Bind, RunMount.Cache, RunMount.Tmpfs, RunMount.Secret, RunMount.Ssh];

    public static RunMount Parse(int line, string value)
    {
        var options = value.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(Field)
            .ToList();
        var type = options.LastOrDefault(o => o.Key == "type").Value ?? RunMount.Bind;
        if (!Types.Contains(type))
        {
            throw SyntaxErrors.At(line, $"unsupported mount type \"{type}\"");
        }

        var mount = Apply(line, new RunMount(type, options) { ReadOnly = type == RunMount.Bind }, options);
        if (mount.Target is null && type is not (RunMount.Secret or RunMount.Ssh))
        {
            throw SyntaxErrors.At(line, $"mount type {type} requires a target (--mount={value})");
        }

        return mount;
    }

    private static KeyValuePair<string, string?> Field(string field)
    {
        var equals = field.IndexOf('=', StringComparison.Ordinal);
        return equals < 0
            ? new(field.Trim().ToLowerInvariant(), null)
            : new(field[..equals].Trim().ToLowerInvariant(), field[(equals + 1)..]);
    }

    private static RunMount Apply(int line, RunMount mount, List<KeyValuePair<string, string?>> options)
    {
        foreach (var (key, value) in options)
        {
            mount = key switch
            {
                "target" or "dst" or "destination" or "dest" => mount with { Target = value },
                "source" or "src" => mount with { Source = value },
                "from" => mount with { From = value },
                "readonly" or "ro" => mount with { ReadOnly = Flag(line, key, value) },
                "readwrite" or "rw" => mount with { ReadOnly = !Flag(line, key, value) },
                "id" => mount with { Id = value },
                "sharing" => mount with { Sharing = value },
                "mode" => mount with { Mode = value },
                "uid" => mount with { Uid = Number(line, key, value) },
                "gid" => mount with { Gid = Number(line, key, value) },
                "required" => mount with { Required = Flag(line, key, value) },
                "size" or "tmpfs-size" => mount with { Size = Number(line, key, value) },
                "env" => mount with { Env = value },
                _ => mount,
            };
        }

        return mount;
    }

    private static bool Flag(int line, string key, string? value) => value switch
    {
        null => true,
        _ when bool.TryParse(value, out var flag) => flag,
        _ => throw SyntaxErrors.At(line, $"invalid value for {key}: {value}"),
    };

    private static int Number(int line, string key, string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw SyntaxErrors.At(line, $"invalid value for {key}: {value}");
}
