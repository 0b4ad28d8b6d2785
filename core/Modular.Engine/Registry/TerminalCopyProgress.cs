using System.Diagnostics;
using System.Globalization;

namespace Modular.Engine.Registry;

/// <summary>
/// Progress for a terminal: one line per blob, redrawn in place at most ten times a second
/// ("Copying blob 0123456789ab 12.3MiB / 50.0MiB [====>      ] 3.2MiB/s"), then fixed as
/// "done" or "skipped". Other lines are written above the block of bars.
/// </summary>
public sealed class TerminalCopyProgress(TextWriter writer) : CopyProgress(writer)
{
    private const int BarWidth = 30;
    private static readonly long RedrawTicks = Stopwatch.Frequency / 10;

    private readonly TextWriter _writer = writer;
    private readonly List<BlobBar> _bars = [];
    private int _drawn;
    private long _lastDraw;

    public override void Starting() => Message("Getting image source signatures");

    public override void ConfigDone(string digest) => Message($"Copying config {Short(digest)} done");

    public override void WritingManifest() => Message("Writing manifest to image destination");

    public override void Message(string text)
    {
        lock (_bars)
        {
            Erase();
            _writer.WriteLine(text);
            Draw();
        }
    }

    public override void BlobProgress(string digest, long done, long total)
    {
        lock (_bars)
        {
            var bar = Bar(digest);
            bar.Done = done;
            bar.Total = total;
            var now = Stopwatch.GetTimestamp();
            if (now - _lastDraw >= RedrawTicks)
            {
                Redraw(now);
            }
        }
    }

    public override void BlobDone(string digest) => Finish(digest, "done");

    public override void BlobSkipped(string digest) => Finish(digest, "skipped: already exists");

    private void Finish(string digest, string how)
    {
        lock (_bars)
        {
            Bar(digest).Final = how;
            Redraw(Stopwatch.GetTimestamp());
        }
    }

    private BlobBar Bar(string digest)
    {
        var bar = _bars.Find(b => b.Digest == digest);
        if (bar is null)
        {
            bar = new BlobBar(digest, Stopwatch.GetTimestamp());
            _bars.Add(bar);
        }

        return bar;
    }

    private void Redraw(long now)
    {
        Erase();
        Draw();
        _lastDraw = now;
    }

    // Moves the cursor to the first bar line and clears from there to the end of the screen.
    private void Erase()
    {
        if (_drawn > 0)
        {
            _writer.Write($"\u001b[{_drawn}F\u001b[J");
        }

        _drawn = 0;
    }

    private void Draw()
    {
        foreach (var bar in _bars)
        {
            _writer.WriteLine(Describe(bar));
        }

        _drawn = _bars.Count;
        _writer.Flush();
    }

    private static string Describe(BlobBar bar)
    {
        var head = $"Copying blob {Short(bar.Digest)}";
        if (bar.Final is not null)
        {
            return $"{head} {bar.Final}";
        }

        var fraction = bar.Total > 0 ? Math.Clamp((double)bar.Done / bar.Total, 0, 1) : 0;
        var filled = (int)(fraction * BarWidth);
        var arrow = filled < BarWidth ? new string('=', filled) + ">" + new string(' ', BarWidth - filled - 1)
            : new string('=', BarWidth);
        var seconds = Math.Max(Stopwatch.GetElapsedTime(bar.Started).TotalSeconds, 0.001);
        return $"{head} {Size(bar.Done)} / {Size(bar.Total)} [{arrow}] {Size((long)(bar.Done / seconds))}/s";
    }

    /// <summary>Podman's units: binary, one decimal.</summary>
    private static string Size(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB"];
        double value = Math.Max(bytes, 0);
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return value.ToString(unit == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + units[unit];
    }

    private static string Short(string digest)
    {
        var hex = digest.StartsWith("sha256:", StringComparison.Ordinal) ? digest[7..] : digest;
        return hex.Length > 12 ? hex[..12] : hex;
    }

    private sealed class BlobBar(string digest, long started)
    {
        public string Digest { get; } = digest;

        public long Started { get; } = started;

        public long Done { get; set; }

        public long Total { get; set; }

        public string? Final { get; set; }
    }
}
