using System.CommandLine.Parsing;

namespace Modular.Cli.Commands;

/// <summary>
/// Boolean flag values as Go's strconv.ParseBool reads them (pflag's bool flags and the
/// BUILDAH_* variables): 1, t, T, TRUE, true, True and their false forms; a bare flag is true.
/// </summary>
public static class GoBool
{
    public static bool? TryParse(string text) => text switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };

    /// <summary>A System.CommandLine parser for a bool option taking an optional value.</summary>
    public static bool Parse(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return true;
        }

        var text = result.Tokens[^1].Value;
        if (TryParse(text) is { } value)
        {
            return value;
        }

        result.AddError($"invalid argument \"{text}\" for \"--{NameOf(result)}\" flag: "
            + $"strconv.ParseBool: parsing \"{text}\": invalid syntax");
        return false;
    }

    /// <summary>The variable's value when set and valid, else the fallback.</summary>
    public static bool FromEnvironment(string variable, bool fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text
            && TryParse(text) is { } value
            ? value
            : fallback;

    private static string NameOf(ArgumentResult result) =>
        (result.Parent as OptionResult)?.Option.Name.TrimStart('-') ?? "flag";
}
