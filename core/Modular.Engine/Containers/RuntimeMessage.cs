using System.Text.RegularExpressions;

namespace Modular.Engine.Containers;

/// <summary>
/// Reduces a runtime's error output to the message a user needs. runc logs through logrus
/// (<c>time="..." level=error msg="..."</c>); the message is the quoted msg value.
/// </summary>
public static partial class RuntimeMessage
{
    public static string Clean(string text)
    {
        var match = LogrusMessage().Match(text);
        var message = match.Success ? Regex.Unescape(match.Groups["msg"].Value) : text;
        return message.Trim();
    }

    [GeneratedRegex("level=error msg=\"(?<msg>(?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex LogrusMessage();
}
