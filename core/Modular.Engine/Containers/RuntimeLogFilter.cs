using System.Text;
using CliWrap;

namespace Modular.Engine.Containers;

/// <summary>
/// Stands between <c>runtime exec</c>'s stderr and the user's. The runtime's failure to
/// start the command (runc's logrus line, crun's plain one) comes before the process writes
/// anything, so the opening chunk that reads as such a failure is held back: when the
/// runtime fails it is told once in Podman's words; otherwise it is passed on after all.
/// </summary>
internal sealed class RuntimeLogFilter(Stream destination, Func<string, bool> isRuntimeFailure)
{
    private static readonly byte[] LogStart = "time=\""u8.ToArray();
    private static readonly byte[] LevelMark = " level="u8.ToArray();
    private readonly MemoryStream _held = new();
    private bool _passed;

    public PipeTarget Target => PipeTarget.Create(CopyAsync);

    /// <summary>What was held back, empty when everything was passed on.</summary>
    public string HeldText => Encoding.UTF8.GetString(_held.GetBuffer(), 0, (int)_held.Length);

    /// <summary>Passes on what was held: the process wrote it, not the runtime.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (_held.Length > 0)
        {
            await destination.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), cancellationToken);
            await destination.FlushAsync(cancellationToken);
            _held.SetLength(0);
        }
    }

    private async Task CopyAsync(Stream source, CancellationToken cancellationToken)
    {
        var buffer = new byte[16384];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var chunk = buffer.AsMemory(0, read);

            // The runtime writes each message with one write, so one chunk is one message.
            if (IsLogLine(chunk.Span) || (!_passed && isRuntimeFailure(Encoding.UTF8.GetString(chunk.Span))))
            {
                _held.Write(chunk.Span);
                continue;
            }

            _passed = true;
            await ReleaseAsync(cancellationToken);
            await destination.WriteAsync(chunk, cancellationToken);
            await destination.FlushAsync(cancellationToken);
        }
    }

    private static bool IsLogLine(ReadOnlySpan<byte> chunk) =>
        chunk.StartsWith(LogStart) && chunk.IndexOf(LevelMark) > 0;
}
