using System.Text.Encodings.Web;
using System.Text.Json;

namespace Modular.Engine.Archive;

/// <summary>
/// Quotes a name from a layer for an error message. Layer names may hold newlines and other
/// control characters; escaped, the user's error stays on one line and shows what was there.
/// </summary>
internal static class Quoted
{
    private static readonly JsonSerializerOptions Relaxed = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Of(string name) => JsonSerializer.Serialize(name, Relaxed);
}
