namespace Modular.Engine.Build.Syntax;

/// <summary>Linux signal names (with or without SIG, any case) and numbers, 1 to 64.</summary>
internal static class SignalNumbers
{
    private static readonly Dictionary<string, int> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HUP"] = 1, ["INT"] = 2, ["QUIT"] = 3, ["ILL"] = 4, ["TRAP"] = 5, ["ABRT"] = 6, ["IOT"] = 6,
        ["BUS"] = 7, ["FPE"] = 8, ["KILL"] = 9, ["USR1"] = 10, ["SEGV"] = 11, ["USR2"] = 12,
        ["PIPE"] = 13, ["ALRM"] = 14, ["TERM"] = 15, ["STKFLT"] = 16, ["CHLD"] = 17, ["CLD"] = 17,
        ["CONT"] = 18, ["STOP"] = 19, ["TSTP"] = 20, ["TTIN"] = 21, ["TTOU"] = 22, ["URG"] = 23,
        ["XCPU"] = 24, ["XFSZ"] = 25, ["VTALRM"] = 26, ["PROF"] = 27, ["WINCH"] = 28, ["IO"] = 29,
        ["POLL"] = 29, ["PWR"] = 30, ["SYS"] = 31, ["RTMIN"] = 34, ["RTMAX"] = 64,
    };

    public static int? Parse(string text)
    {
        if (int.TryParse(text, out var number))
        {
            return number is >= 1 and <= 64 ? number : null;
        }

        var name = text.StartsWith("SIG", StringComparison.OrdinalIgnoreCase) ? text[3..] : text;
        if (Names.TryGetValue(name, out number))
        {
            return number;
        }

        return RealTime(name);
    }

    /// <summary>RTMIN+n and RTMAX-n.</summary>
    private static int? RealTime(string name)
    {
        var plus = name.IndexOf('+', StringComparison.Ordinal);
        var minus = name.IndexOf('-', StringComparison.Ordinal);
        var at = plus >= 0 ? plus : minus;
        if (at < 0 || !Names.TryGetValue(name[..at], out var baseNumber) || baseNumber < 34
            || !int.TryParse(name[(at + 1)..], out var offset))
        {
            return null;
        }

        var number = plus >= 0 ? baseNumber + offset : baseNumber - offset;
        return number is >= 34 and <= 64 ? number : null;
    }
}
