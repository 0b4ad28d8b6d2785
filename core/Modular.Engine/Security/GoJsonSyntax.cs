using System.Globalization;

namespace Modular.Engine.Security;

/// <summary>
/// Checks JSON the way Go's encoding/json does before it decodes, and names the first fault
/// with Go's words ("invalid character 'b' looking for beginning of object key string",
/// "unexpected end of JSON input"), since Podman's errors about files it reads carry them.
/// </summary>
public sealed class GoJsonSyntax
{
    private const string EndOfInput = "unexpected end of JSON input";

    private readonly byte[] _data;
    private int _at;

    private GoJsonSyntax(byte[] data) => _data = data;

    /// <summary>Go's syntax error for <paramref name="data"/>, or null when it is valid JSON.</summary>
    public static string? Check(byte[] data)
    {
        var checker = new GoJsonSyntax(data);
        try
        {
            checker.Value();
            checker.SkipSpace();
            return checker._at < data.Length ? Invalid(data[checker._at], "after top-level value") : null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    private void Value()
    {
        SkipSpace();
        var c = Next();
        switch (c)
        {
            case (byte)'{': Object(); break;
            case (byte)'[': Array(); break;
            case (byte)'"': StringBody(); break;
            case (byte)'t': Literal("true"); break;
            case (byte)'f': Literal("false"); break;
            case (byte)'n': Literal("null"); break;
            case (byte)'-' or (>= (byte)'0' and <= (byte)'9'): Number(c); break;
            default: throw Fault(c, "looking for beginning of value");
        }
    }

    private void Object()
    {
        SkipSpace();
        if (Peek() == '}')
        {
            _at++;
            return;
        }

        while (true)
        {
            SkipSpace();
            var c = Next();
            if (c != '"')
            {
                throw Fault(c, "looking for beginning of object key string");
            }

            StringBody();
            SkipSpace();
            c = Next();
            if (c != ':')
            {
                throw Fault(c, "after object key");
            }

            Value();
            SkipSpace();
            c = Next();
            if (c == '}')
            {
                return;
            }

            if (c != ',')
            {
                throw Fault(c, "after object key:value pair");
            }
        }
    }

    private void Array()
    {
        SkipSpace();
        if (Peek() == ']')
        {
            _at++;
            return;
        }

        while (true)
        {
            Value();
            SkipSpace();
            var c = Next();
            if (c == ']')
            {
                return;
            }

            if (c != ',')
            {
                throw Fault(c, "after array element");
            }
        }
    }

    private void StringBody()
    {
        while (true)
        {
            var c = Next();
            if (c == '"')
            {
                return;
            }

            if (c < 0x20)
            {
                throw Fault(c, "in string literal");
            }

            if (c == '\\')
            {
                Escape();
            }
        }
    }

    private void Escape()
    {
        var c = Next();
        if (c == 'u')
        {
            for (var i = 0; i < 4; i++)
            {
                var hex = Next();
                if (!Uri.IsHexDigit((char)hex))
                {
                    throw Fault(hex, "in \\u hexadecimal character escape");
                }
            }
        }
        else if (!"bfnrt\\/\"".Contains((char)c))
        {
            throw Fault(c, "in string escape code");
        }
    }

    // The byte after a number belongs to the enclosing value, so it is only peeked at.
    private void Number(byte first)
    {
        if (first == '-')
        {
            first = Next();
            if (first is < (byte)'0' or > (byte)'9')
            {
                throw Fault(first, "in numeric literal");
            }
        }

        if (first != '0')
        {
            Digits();
        }

        if (Peek() == '.')
        {
            _at++;
            Digit("after decimal point in numeric literal");
            Digits();
        }

        if (Peek() is 'e' or 'E')
        {
            _at++;
            if (Peek() is '+' or '-')
            {
                _at++;
            }

            Digit("in exponent of numeric literal");
            Digits();
        }
    }

    private void Digit(string context)
    {
        var c = Next();
        if (c is < (byte)'0' or > (byte)'9')
        {
            throw Fault(c, context);
        }
    }

    private void Digits()
    {
        while (Peek() is >= '0' and <= '9')
        {
            _at++;
        }
    }

    private void Literal(string word)
    {
        foreach (var expected in word[1..])
        {
            var c = Next();
            if (c != expected)
            {
                throw Fault(c, $"in literal {word} (expecting {Quote((byte)expected)})");
            }
        }
    }

    private void SkipSpace()
    {
        while (Peek() is ' ' or '\t' or '\r' or '\n')
        {
            _at++;
        }
    }

    private int Peek() => _at < _data.Length ? _data[_at] : -1;

    private byte Next() =>
        _at < _data.Length ? _data[_at++] : throw new FormatException(EndOfInput);

    private static FormatException Fault(byte c, string context) => new(Invalid(c, context));

    private static string Invalid(byte c, string context) => $"invalid character {Quote(c)} {context}";

    // Go's quoteChar: the byte in single quotes, escaped as strconv.Quote would.
    private static string Quote(byte c) => c switch
    {
        (byte)'\'' => "'\\''",
        (byte)'"' => "'\"'",
        (byte)'\a' => "'\\a'",
        (byte)'\b' => "'\\b'",
        (byte)'\f' => "'\\f'",
        (byte)'\n' => "'\\n'",
        (byte)'\r' => "'\\r'",
        (byte)'\t' => "'\\t'",
        (byte)'\v' => "'\\v'",
        (byte)'\\' => "'\\\\'",
        < 0x20 or 0x7F => "'\\x" + c.ToString("x2", CultureInfo.InvariantCulture) + "'",
        >= 0x80 and < 0xA0 => "'\\u00" + c.ToString("x2", CultureInfo.InvariantCulture) + "'",
        _ => "'" + (char)c + "'",
    };
}
