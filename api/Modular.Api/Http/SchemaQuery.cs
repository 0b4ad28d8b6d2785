using Microsoft.AspNetCore.Http;

namespace Modular.Api.Http;

/// <summary>
/// Query values as Podman's schema decoder reads them: a boolean it cannot parse is a 500
/// naming the parameter, not a silent false.
/// </summary>
public static class SchemaQuery
{
    private static readonly string[] TrueWords = ["1", "t", "T", "true", "TRUE", "True"];
    private static readonly string[] FalseWords = ["0", "f", "F", "false", "FALSE", "False"];

    public static bool StrictFlag(this HttpContext http, string name)
    {
        var value = http.Request.Query[name].ToString();
        if (value.Length == 0 || FalseWords.Contains(value))
        {
            return false;
        }

        if (TrueWords.Contains(value))
        {
            return true;
        }

        var cause = $"schema: error converting value for \"{name}\"";
        throw new ApiException(
            StatusCodes.Status500InternalServerError,
            "failed to parse parameters for " + http.Request.Path + ": " + cause,
            cause);
    }
}
