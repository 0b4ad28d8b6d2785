using System.Text;

namespace Modular.Api.Compat;

/// <summary>
/// A write-only stream that decodes UTF-8 as it arrives (a character split across two
/// writes is kept for the next) and hands the text on: RUN steps' output into a build's
/// JSON lines, or into a quiet build's held output.
/// </summary>
internal sealed class Utf8SinkStream(Action<string> write, Action? flush = null) : Stream
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
        write(new string(chars));
    }

    public override void Flush() => flush?.Invoke();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
