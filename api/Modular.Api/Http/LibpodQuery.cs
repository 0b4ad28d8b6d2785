using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Modular.Api.Http;

/// <summary>
/// Query parameters read as Podman's handlers read them (gorilla/schema): a value that
/// does not convert is the client's error, 400 with schema's text, never a silent default.
/// </summary>
public static class LibpodQuery
{
    /// <summary>The integer parameter, or null when absent.</summary>
    public static int? Int(HttpContext http, string name)
    {
        var text = http.Request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Unconvertible(http, name, StatusCodes.Status400BadRequest);
    }

    /// <summary>The boolean parameter (strconv.ParseBool's spellings), or <paramref name="absent"/>.</summary>
    public static bool Bool(HttpContext http, string name, bool absent = false, int status = 400)
    {
        var text = http.Request.Query[name].ToString();
        return text switch
        {
            "" => absent,
            "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
            "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
            _ => throw Unconvertible(http, name, status),
        };
    }

    private static ApiException Unconvertible(HttpContext http, string name, int status)
    {
        var cause = $"schema: error converting value for \"{name}\"";
        var url = http.Request.Path + http.Request.QueryString;
        return new ApiException(status, $"failed to parse parameters for {url}: {cause}", cause);
    }
}
