using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;

namespace Modular.Api.Shared;

/// <summary>
/// A JSON query parameter that does not decode, reported as Podman reports it: 500, with
/// Go's decoder text as the cause ("invalid character 'g' looking for beginning of value",
/// "unexpected end of JSON input"), which clients and Podman's tests match on.
/// </summary>
public static class GoJsonErrors
{
    public static ApiStatusException Filters(string raw, JsonException error)
    {
        var cause = Describe(raw, error);
        return new ApiStatusException(
            StatusCodes.Status500InternalServerError,
            "failed to parse filters parameter: " + cause,
            cause);
    }

    /// <summary>Go's wording for the first fault System.Text.Json found in the text.</summary>
    public static string Describe(string raw, JsonException error)
    {
        var position = (int)(error.BytePositionInLine ?? 0);
        var atEnd = position >= raw.Length || error.Message.Contains("end of data", StringComparison.Ordinal);
        if (atEnd)
        {
            return "unexpected end of JSON input";
        }

        var expectingValue = error.Message.Contains("start of a value", StringComparison.Ordinal)
            || error.Message.Contains("start of a property", StringComparison.Ordinal);
        return expectingValue
            ? $"invalid character '{raw[position]}' looking for beginning of value"
            : $"invalid character '{raw[position]}' after top-level value";
    }
}
