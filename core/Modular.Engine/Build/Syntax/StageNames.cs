using System.Text.RegularExpressions;

namespace Modular.Engine.Build.Syntax;

/// <summary>Valid <c>AS name</c> values: a lower-case letter, then letters, digits, <c>-_.</c>.</summary>
internal static partial class StageNames
{
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9-_.]*$")]
    private static partial Regex Pattern();
}
