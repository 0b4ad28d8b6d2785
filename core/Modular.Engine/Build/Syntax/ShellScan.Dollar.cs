using System.Text;
using Modular.Contracts.Errors;

namespace Modular.Engine.Build.Syntax;

/// <summary>The <c>$</c> expansions of <see cref="ShellScan"/>.</summary>
internal sealed partial class ShellScan
{
    private const string SpecialParameters = "@*#?-$!";

    private string Dollar()
    {
        if (Peek == '{')
        {
            _pos++;
            return Braced();
        }

        var name = Name();
        if (name.Length == 0)
        {
            return "$";
        }

        var value = lookup(name);
        if (value is null && lexer.SkipUnsetEnv)
        {
            return "$" + name;
        }

        return value ?? "";
    }

    /// <summary>A name: letters, digits and _, or a run of digits, or one special parameter.</summary>
    private string Name()
    {
        if (char.IsAsciiDigit(Peek))
        {
            var start = _pos;
            while (char.IsAsciiDigit(Peek))
            {
                _pos++;
            }

            return text[start.._pos];
        }

        if (!AtEnd && SpecialParameters.Contains(Peek, StringComparison.Ordinal))
        {
            return Next().ToString();
        }

        var name = new StringBuilder();
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Peek) || Peek == '_'))
        {
            name.Append(Next());
        }

        return name.ToString();
    }

    private string Braced()
    {
        var name = Name();
        if (name.Length == 0)
        {
            throw new InvalidInputException("bad substitution");
        }

        if (AtEnd)
        {
            throw MissingBrace();
        }

        var op = Next();
        if (op == '}')
        {
            var value = lookup(name);
            return value is null && lexer.SkipUnsetEnv ? "${" + name + "}" : value ?? "";
        }

        var colon = op == ':';
        if (colon)
        {
            op = AtEnd ? throw MissingBrace() : Next();
            if (op is not ('-' or '+' or '?'))
            {
                throw new InvalidInputException($"unsupported modifier (:{op}) in substitution");
            }
        }

        return Modified(name, op, colon);
    }

    private string Modified(string name, char op, bool colon)
    {
        if (op == '/')
        {
            return Replaced(name);
        }

        if (op is not ('-' or '+' or '?' or '#' or '%'))
        {
            throw new InvalidInputException($"unsupported modifier ({op}) in substitution");
        }

        var word = Until('}') ?? throw MissingBrace();
        var value = lookup(name);
        if (value is null && lexer.SkipUnsetEnv)
        {
            return "${" + name + (colon ? ":" : "") + op + word + "}";
        }

        var unset = value is null || (colon && value.Length == 0);
        return op switch
        {
            '-' => unset ? word : value!,
            '+' => unset ? "" : word,
            '?' => unset ? throw Required(name, word, value) : value!,
            _ => ShellPattern.Trim(value ?? "", word, prefix: op == '#'),
        };
    }

    private string Replaced(string name)
    {
        var all = Peek == '/';
        if (all)
        {
            _pos++;
        }

        var pattern = Until('/') ?? throw new InvalidInputException("syntax error: missing '/' in ${}");
        var replacement = Until('}') ?? throw MissingBrace();
        return ShellPattern.Replace(lookup(name) ?? "", pattern, replacement, all);
    }

    private static InvalidInputException Required(string name, string message, string? value)
    {
        if (message.Length == 0)
        {
            message = value is null ? "is not allowed to be unset" : "is not allowed to be empty";
        }

        return new InvalidInputException($"{name}: {message}");
    }

    private static InvalidInputException MissingBrace() => new("syntax error: missing '}'");
}
