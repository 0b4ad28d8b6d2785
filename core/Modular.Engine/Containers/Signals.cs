using System.Globalization;
using Modular.Contracts.Errors;

namespace Modular.Engine.Containers;

/// <summary>Signal names and numbers as <c>kill -s</c> and images' StopSignal spell them.</summary>
public static class Signals
{
    public const int Kill = 9;
    public const int Term = 15;

    private static readonly Dictionary<string, int> Numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HUP"] = 1, ["INT"] = 2, ["QUIT"] = 3, ["ILL"] = 4, ["TRAP"] = 5, ["ABRT"] = 6,
        ["IOT"] = 6, ["BUS"] = 7, ["FPE"] = 8, ["KILL"] = 9, ["USR1"] = 10, ["SEGV"] = 11,
        ["USR2"] = 12, ["PIPE"] = 13, ["ALRM"] = 14, ["TERM"] = 15, ["STKFLT"] = 16,
        ["CHLD"] = 17, ["CONT"] = 18, ["STOP"] = 19, ["TSTP"] = 20, ["TTIN"] = 21,
        ["TTOU"] = 22, ["URG"] = 23, ["XCPU"] = 24, ["XFSZ"] = 25, ["VTALRM"] = 26,
        ["PROF"] = 27, ["WINCH"] = 28, ["IO"] = 29, ["PWR"] = 30, ["SYS"] = 31,
    };

    /// <summary>Parses <c>TERM</c>, <c>SIGTERM</c> or <c>15</c>.</summary>
    /// <exception cref="InvalidInputException">Not a signal.</exception>
    public static int Parse(string signal)
    {
        var text = signal.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number is > 0 and < 65)
        {
            return number;
        }

        var name = text.StartsWith("SIG", StringComparison.OrdinalIgnoreCase) ? text[3..] : text;
        return Numbers.TryGetValue(name, out var value)
            ? value
            : throw new InvalidInputException($"invalid signal: {signal}");
    }

    /// <summary>SIGTERM for 15; the number itself for a signal without a name here.</summary>
    public static string DisplayName(int signal)
    {
        // IOT shares 6 with ABRT; the first name listed for a number is the one shown.
        var name = Numbers.FirstOrDefault(pair => pair.Value == signal).Key;
        return name is null ? signal.ToString(CultureInfo.InvariantCulture) : "SIG" + name;
    }
}
