using System.Text;

namespace Modular.Api.Compat;

/// <summary>
/// A quiet build's stderr and warnings: Podman holds them back and sends them only when
/// the build fails, ahead of the error, so a quiet success is the image ID alone. Written
/// from the build's threads (warnings) and RUN steps' output pumps, hence the lock.
/// </summary>
public sealed class HeldBuildOutput
{
    private readonly StringBuilder _text = new();

    /// <summary>A TextWriter into the held text (the build's warnings).</summary>
    public TextWriter Writer => TextWriter.Synchronized(new Sink(this));

    /// <summary>Everything held so far.</summary>
    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>A fresh byte stream into the held text (a RUN step's stderr).</summary>
    public Stream OpenStream() => new Utf8SinkStream(Append);

    private void Append(string text)
    {
        lock (_text)
        {
            _text.Append(text);
        }
    }

    private sealed class Sink(HeldBuildOutput owner) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => owner.Append(value.ToString());

        public override void Write(string? value) => owner.Append(value ?? "");
    }
}
