using System.Text;
using System.Text.Json.Nodes;

namespace Modular.Api.Compat;

/// <summary>
/// Text written by the build (STEP lines, RUN output) as Docker's <c>{"stream": "..."}</c>
/// lines: whole lines are posted as they end, the rest on flush. Both a TextWriter (the
/// build's own lines) and, through <see cref="OpenStream"/>, a byte stream (RUN steps'
/// stdout and stderr), each decoded with its own state so split UTF-8 stays whole.
/// </summary>
public sealed class StreamLineWriter(JsonLineStream stream) : TextWriter
{
    private readonly StringBuilder _pending = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_pending)
        {
            _pending.Append(value);
            if (value == '\n')
            {
                PostPending();
            }
        }
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        lock (_pending)
        {
            _pending.Append(value);
            if (value.Contains('\n'))
            {
                PostPending();
            }
        }
    }

    public override void Flush()
    {
        lock (_pending)
        {
            PostPending();
        }
    }

    /// <summary>A fresh byte stream into this writer (RUN output).</summary>
    public Stream OpenStream() => new Utf8SinkStream(Write, Flush);

    private void PostPending()
    {
        if (_pending.Length > 0)
        {
            stream.Post(new JsonObject { ["stream"] = _pending.ToString() });
            _pending.Clear();
        }
    }
}
