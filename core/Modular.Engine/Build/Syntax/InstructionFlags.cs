using Modular.Contracts.Errors;

namespace Modular.Engine.Build.Syntax;

/// <summary>
/// The leading <c>--name[=value]</c> words of an instruction, checked against the flags that
/// instruction accepts. Values are unquoted but not expanded.
/// </summary>
internal sealed class InstructionFlags
{
    private readonly Dictionary<string, List<string?>> _values = new(StringComparer.Ordinal);

    private InstructionFlags(int line)
    {
        Line = line;
    }

    public int Line { get; }

    /// <summary>The text after the flags.</summary>
    public string Remaining { get; private set; } = "";

    public static InstructionFlags Parse(int line, string rest, char escape, IReadOnlySet<string> allowed)
    {
        var flags = new InstructionFlags(line);
        var position = 0;
        while (true)
        {
            var before = position;
            var word = RawWords.Next(rest, escape, ref position);
            if (word is null || !word.StartsWith("--", StringComparison.Ordinal))
            {
                flags.Remaining = rest[before..].TrimStart();
                return flags;
            }

            flags.Add(word[2..], escape, allowed);
        }
    }

    public string? String(string name)
    {
        if (!_values.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw SyntaxErrors.At(Line, $"Duplicate flag specified: {name}");
        }

        return values[0] ?? throw MissingValue(name);
    }

    public IReadOnlyList<string> Strings(string name) =>
        _values.TryGetValue(name, out var values)
            ? values.Select(v => v ?? throw MissingValue(name)).ToList()
            : [];

    public bool Bool(string name)
    {
        if (!_values.TryGetValue(name, out var values))
        {
            return false;
        }

        return values[^1] switch
        {
            null => true,
            var v when v.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
            var v when v.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
            var v => throw SyntaxErrors.At(Line, $"expecting boolean value for flag {name}, not: {v}"),
        };
    }

    private InvalidInputException MissingValue(string name) =>
        SyntaxErrors.At(Line, $"Missing a value on flag: {name}");

    private void Add(string word, char escape, IReadOnlySet<string> allowed)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? word : word[..equals];
        if (!allowed.Contains(name))
        {
            throw SyntaxErrors.UnknownFlag(Line, name);
        }

        var value = equals < 0 ? null : Unquote(word[(equals + 1)..], escape);
        if (!_values.TryGetValue(name, out var values))
        {
            _values[name] = values = [];
        }

        values.Add(value);
    }

    private string Unquote(string value, char escape)
    {
        try
        {
            // Variables stay for the scope to expand; only quotes and escapes go.
            var lexer = new ShellLexer(escape) { SkipUnsetEnv = true };
            return lexer.ProcessWord(value, _ => null);
        }
        catch (InvalidInputException error)
        {
            throw SyntaxErrors.At(Line, error.Message);
        }
    }
}
