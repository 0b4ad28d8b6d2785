using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Modular.Api.Http;

/// <summary>
/// A <c>filters</c> parameter that is JSON but not a map of lists or of sets
/// (<c>{"name":"web"}</c>): refused with 400, as Docker refuses an invalid filter, and
/// Go's text for the value that does not fit, never quietly dropped or guessed.
/// </summary>
public static class FilterShape
{
    public static ApiException Refuse(JsonValueKind kind, bool inList)
    {
        var found = kind switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "bool",
            JsonValueKind.Array => "array",
            JsonValueKind.Object => "object",
            _ => "null",
        };
        var cause = $"json: cannot unmarshal {found} into Go value of type {(inList ? "string" : "[]string")}";
        return new ApiException(StatusCodes.Status400BadRequest, "failed to parse filters parameter: " + cause, cause);
    }
}
