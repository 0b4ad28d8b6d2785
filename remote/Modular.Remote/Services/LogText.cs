using System.Globalization;
using System.Text;
using Modular.Engine.Containers;

namespace Modular.Remote.Services;

/// <summary>A log frame asked with timestamps=true ("TIME text\n") back into a LogLine.</summary>
internal static class LogText
{
    public static LogLine Parse(string stream, byte[] payload)
    {
        var text = Encoding.UTF8.GetString(payload);
        var partial = !text.EndsWith('\n');
        text = partial ? text : text[..^1];
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && DateTimeOffset.TryParse(
                text[..space],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var time))
        {
            return new LogLine(time, stream, partial, text[(space + 1)..]);
        }

        return new LogLine(DateTimeOffset.UtcNow, stream, partial, text);
    }
}
