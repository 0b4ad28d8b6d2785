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
    public Stream OpenStream() => new Utf8Sink(this);

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

    private sealed class Utf8Sink(HeldBuildOutput owner) : Stream
    {
        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            var chars = new char[_decoder.GetCharCount(buffer, offset, count)];
            _decoder.GetChars(buffer, offset, count, chars, 0);
            owner.Append(new string(chars));
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
