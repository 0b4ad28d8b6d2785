using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Modular.Api.Http;

/// <summary>
/// Podman's API answers a query or body it cannot decode with Go's encoding/json text
/// ("invalid character 'g' looking for beginning of value"), and clients and Podman's
/// own tests match it: .NET's reader words the same faults differently.
/// </summary>
public static class GoJsonError
{
    /// <summary>A <c>filters</c> query that does not decode: 500 with Go's text as the cause.</summary>
    public static ApiException Filters(string raw, JsonException error)
    {
        var cause = Describe(raw, error);
        return new ApiException(
            StatusCodes.Status500InternalServerError, "failed to parse filters parameter: " + cause, cause);
    }

    /// <summary>Go's wording for the fault <paramref name="error"/> found in <paramref name="json"/>.</summary>
    public static string Describe(string json, JsonException error)
    {
        var position = (int)Math.Min(error.BytePositionInLine ?? json.Length, int.MaxValue);
        var rest = json.Length > position ? json[position..].TrimStart() : "";
        if (rest.Length == 0 || error.Message.Contains("end of data", StringComparison.Ordinal))
        {
            return "unexpected end of JSON input";
        }

        var character = rest[0];
        var before = json[..position].TrimEnd();
        var context = before.Length == 0 ? "looking for beginning of value"
            : before[^1] is '{' or ',' && Within(before) == '{' ? "looking for beginning of object key string"
            : before[^1] is '"' && Within(before) == '{' ? "after object key"
            : before[^1] is '[' or ',' or ':' ? "looking for beginning of value"
            : Within(before) == '[' ? "after array element"
            : Within(before) == '{' ? "after object key:value pair"
            : "after top-level value";
        return $"invalid character '{character}' {context}";
    }

    /// <summary>The innermost open bracket of <paramref name="text"/> (strings skipped), or '\0'.</summary>
    private static char Within(string text)
    {
        var open = new Stack<char>();
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                i += c == '\\' ? 1 : 0;
                inString = c != '"';
                continue;
            }

            inString = c == '"';
            if (c is '{' or '[')
            {
                open.Push(c);
            }
            else if (c is '}' or ']' && open.Count > 0)
            {
                open.Pop();
            }
        }

        return open.Count > 0 ? open.Peek() : '\0';
    }
}
