using System.Globalization;
using Modular.Contracts.Errors;

namespace Modular.Engine.Networks;

/// <summary>Go's strconv parsers and their error wording, as Podman's messages carry them.</summary>
internal static class GoParse
{
    public static int Atoi(string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Invalid("Atoi", value);

    public static string Uint32(string value) =>
        uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? value
            : throw Invalid("ParseUint", value);

    public static string Int32(string value, string key) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? value
            : throw new InvalidInputException(
                $"failed to parse \"{key}\" option: strconv.ParseInt: parsing \"{value}\": invalid syntax");

    /// <summary>Go's ParseBool, normalized to "true"/"false" since Rust reads only those.</summary>
    public static string Bool(string value) =>
        TryBool(value, out var flag) ? (flag ? "true" : "false") : throw Invalid("ParseBool", value);

    public static bool TryBool(string value, out bool flag)
    {
        flag = value is "1" or "t" or "T" or "TRUE" or "true" or "True";
        return flag || value is "0" or "f" or "F" or "FALSE" or "false" or "False";
    }

    private static InvalidInputException Invalid(string function, string value) =>
        new($"strconv.{function}: parsing \"{value}\": invalid syntax");
}
