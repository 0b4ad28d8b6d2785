using System.Globalization;
using System.Runtime.CompilerServices;

namespace Modular.Engine.Containers;

/// <summary>
/// Reads conmon's k8s-file log: one line per write, <c>TIME STREAM F|P TEXT</c>, where TIME is
/// RFC 3339 with nanoseconds and P marks a partial line continued by the next entry.
/// </summary>
public sealed class KubernetesLogReader(string path)
{
    private long _offset;

    /// <summary>Every line written so far; remembers where it stopped for following.</summary>
    public IEnumerable<LogLine> ReadAll()
    {
        var lines = new List<LogLine>();
        if (!File.Exists(path))
        {
            return lines;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);

        // Records end at '\n' only: a container's '\r' (a tty's CRLF) is part of its text,
        // which ReadLine would cut off.
        foreach (var text in reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Parse(text) is { } line)
            {
                lines.Add(line);
            }
        }

        _offset = stream.Length;
        return lines;
    }

    /// <summary>New lines as they are written, until <paramref name="isRunning"/> says the container is gone.</summary>
    public async IAsyncEnumerable<LogLine> FollowAsync(
        Func<Task<bool>> isRunning,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var running = await isRunning();
            foreach (var line in ReadNew())
            {
                yield return line;
            }

            if (!running)
            {
                yield break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    public static LogLine? Parse(string text)
    {
        var parts = text.Split(' ', 4);
        if (parts.Length < 3
            || !DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time))
        {
            return null;
        }

        return new LogLine(time, parts[1], parts[2] == "P", parts.Length == 4 ? parts[3] : "");
    }

    private List<LogLine> ReadNew()
    {
        var lines = new List<LogLine>();
        if (!File.Exists(path))
        {
            return lines;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length < _offset)
        {
            _offset = 0;
        }

        stream.Seek(_offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();

        // Only whole lines: a line still being written is read on the next pass.
        var complete = text.LastIndexOf('\n') + 1;
        _offset += System.Text.Encoding.UTF8.GetByteCount(text[..complete]);
        foreach (var raw in text[..complete].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Parse(raw) is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
