using System.Text;

namespace Modular.Engine.Archive;

/// <summary>
/// A pass-through stream under the BCL's TarReader that follows the tar block structure
/// and keeps the raw bytes of PAX <c>SCHILY.xattr.*</c> records. TarReader decodes PAX
/// values as UTF-8, which alters binary values such as <c>security.capability</c>; this
/// tap recovers them. It only observes: TarReader still parses and validates the archive,
/// and the reader uses the tap's values only when the entry name it saw is the one
/// TarReader returned, so a disagreement about the structure falls back to TarReader's.
/// </summary>
internal sealed class PaxXattrTap(Stream inner) : Stream
{
    private const int Block = 512;
    private const string XattrPrefix = "SCHILY.xattr.";

    // PAX headers larger than this are passed through uncaptured (TarReader still reads them).
    private const int CaptureLimit = 1 << 20;

    private readonly byte[] _header = new byte[Block];
    private int _headerFill;
    private long _dataLeft;
    private long _captureLeft;
    private MemoryStream? _capture;
    private char _dataType;
    private string? _pendingPath;
    private Dictionary<string, byte[]>? _pendingXattrs;
    private bool _lost;

    /// <summary>The name and raw xattrs of the last entry header that passed through.</summary>
    public (string Name, IReadOnlyDictionary<string, byte[]>? Xattrs)? Current { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Observe(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Observe(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Observe(ReadOnlySpan<byte> bytes)
    {
        try
        {
            while (bytes.Length > 0 && !_lost)
            {
                bytes = _dataLeft > 0 ? ConsumeData(bytes) : ConsumeHeader(bytes);
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            // A header this tap cannot follow: TarReader will judge the archive; from here on
            // the tap offers nothing, and entries keep TarReader's decoded values.
            _lost = true;
            Current = null;
        }
    }

    private ReadOnlySpan<byte> ConsumeData(ReadOnlySpan<byte> bytes)
    {
        var take = (int)Math.Min(_dataLeft, bytes.Length);
        if (_capture is not null && _captureLeft > 0)
        {
            var keep = (int)Math.Min(_captureLeft, take);
            _capture.Write(bytes[..keep]);
            _captureLeft -= keep;
        }

        _dataLeft -= take;
        if (_dataLeft == 0)
        {
            FinishData();
        }

        return bytes[take..];
    }

    private ReadOnlySpan<byte> ConsumeHeader(ReadOnlySpan<byte> bytes)
    {
        var take = Math.Min(Block - _headerFill, bytes.Length);
        bytes[..take].CopyTo(_header.AsSpan(_headerFill));
        _headerFill += take;
        if (_headerFill == Block)
        {
            _headerFill = 0;
            OnHeader();
        }

        return bytes[take..];
    }

    private void OnHeader()
    {
        if (_header.All(b => b == 0))
        {
            return;
        }

        var type = (char)_header[156];
        var size = ParseSize();
        _dataType = type;
        _capture = type is 'x' or 'L' && size <= CaptureLimit ? new MemoryStream() : null;
        _captureLeft = _capture is null ? 0 : size;
        if (type is not ('x' or 'g' or 'L' or 'K'))
        {
            Current = (_pendingPath ?? HeaderName(), _pendingXattrs);
            (_pendingPath, _pendingXattrs) = (null, null);
        }

        _dataLeft = (size + Block - 1) / Block * Block;
        if (_dataLeft == 0)
        {
            FinishData();
        }
    }

    private void FinishData()
    {
        if (_capture is { } captured)
        {
            var raw = captured.ToArray();
            if (_dataType == 'L')
            {
                _pendingPath = Encoding.UTF8.GetString(raw).TrimEnd('\0');
            }
            else
            {
                ParsePaxRecords(raw);
            }
        }

        _capture = null;
    }

    // PAX records are "LENGTH KEY=VALUE\n", LENGTH counting the whole record in bytes.
    private void ParsePaxRecords(byte[] raw)
    {
        var at = 0;
        while (at < raw.Length)
        {
            var space = Array.IndexOf(raw, (byte)' ', at);
            if (space < 0 || !int.TryParse(raw.AsSpan(at, space - at), out var length)
                || length <= 0 || at + length > raw.Length)
            {
                return;
            }

            var record = raw.AsSpan(space + 1, at + length - space - 2);
            var equals = record.IndexOf((byte)'=');
            if (equals > 0)
            {
                Remember(Encoding.UTF8.GetString(record[..equals]), record[(equals + 1)..].ToArray());
            }

            at += length;
        }
    }

    private void Remember(string key, byte[] value)
    {
        if (key == "path")
        {
            _pendingPath = Encoding.UTF8.GetString(value);
        }
        else if (key.StartsWith(XattrPrefix, StringComparison.Ordinal))
        {
            (_pendingXattrs ??= new Dictionary<string, byte[]>())[key[XattrPrefix.Length..]] = value;
        }
    }

    private long ParseSize()
    {
        var field = _header.AsSpan(124, 12);
        if ((field[0] & 0x80) != 0)
        {
            // GNU base-256: big-endian after the marker bit.
            long value = field[0] & 0x7f;
            foreach (var b in field[1..])
            {
                value = (value << 8) | b;
            }

            return value;
        }

        var text = Encoding.ASCII.GetString(field).Trim('\0', ' ');
        return text.Length == 0 ? 0 : Convert.ToInt64(text, 8);
    }

    private string HeaderName()
    {
        var name = Encoding.UTF8.GetString(_header.AsSpan(0, 100)).TrimEnd('\0');
        // POSIX ustar ("ustar\0") has a name prefix at 345; GNU ("ustar  ") keeps other fields there.
        var isUstar = _header.AsSpan(257, 6).SequenceEqual("ustar\0"u8);
        var prefix = isUstar ? Encoding.UTF8.GetString(_header.AsSpan(345, 155)).TrimEnd('\0') : "";
        return prefix.Length > 0 ? prefix + "/" + name : name;
    }
}
