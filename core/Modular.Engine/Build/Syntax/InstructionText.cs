namespace Modular.Engine.Build.Syntax;

/// <summary>Splits a logical line into its keyword and the rest.</summary>
internal static class InstructionText
{
    public static string Keyword(string text)
    {
        var trimmed = text.TrimStart();
        var end = trimmed.IndexOfAny([' ', '\t']);
        return (end < 0 ? trimmed : trimmed[..end]).ToUpperInvariant();
    }

    /// <summary>The keyword as the user typed it, for error messages.</summary>
    public static string RawKeyword(string text)
    {
        var trimmed = text.TrimStart();
        var end = trimmed.IndexOfAny([' ', '\t']);
        return end < 0 ? trimmed : trimmed[..end];
    }

    public static string Rest(string text)
    {
        var trimmed = text.TrimStart();
        var end = trimmed.IndexOfAny([' ', '\t']);
        return end < 0 ? "" : trimmed[end..].Trim(' ', '\t');
    }
}
