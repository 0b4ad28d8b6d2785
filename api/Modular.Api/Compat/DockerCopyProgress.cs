using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Modular.Engine.Registry;

namespace Modular.Api.Compat;

/// <summary>
/// The engine's copy events as Docker's per-layer progress lines: id is the blob's short
/// hex, status "Pulling fs layer"/"Downloading"/"Download complete"/"Already exists" on a
/// pull and "Preparing"/"Pushing"/"Pushed"/"Layer already exists" on a push, with
/// <c>progressDetail</c> {current,total} while bytes move.
/// </summary>
public sealed class DockerCopyProgress(JsonLineStream stream, bool push) : CopyProgress(null)
{
    // A line per 5% of a blob at most: the docker CLI redraws on each, and a 1 MiB blob
    // read in 8 KiB chunks would otherwise send 128 lines.
    private const int Steps = 20;

    private readonly ConcurrentDictionary<string, long> _shown = new();

    public override void Starting()
    {
    }

    public override void Message(string text)
    {
        const string Prefix = "Copying blob ";
        if (text.StartsWith(Prefix, StringComparison.Ordinal) && text.EndsWith("already exists", StringComparison.Ordinal))
        {
            var digest = text[Prefix.Length..].Split(' ')[0];
            stream.Status(push ? "Layer already exists" : "Already exists", Short(digest));
        }
    }

    public override void BlobDone(string digest)
    {
        if (!push)
        {
            stream.Status("Download complete", Short(digest));
        }

        stream.Status(push ? "Pushed" : "Pull complete", Short(digest));
    }

    public override void BlobSkipped(string digest) =>
        stream.Status(push ? "Layer already exists" : "Already exists", Short(digest));

    public override void ConfigDone(string digest)
    {
    }

    public override void WritingManifest()
    {
    }

    /// <summary>The pushed manifest's length, for push's closing line.</summary>
    public long ManifestSize { get; private set; }

    public override void ManifestWritten(string digest, long size) => ManifestSize = size;

    public override void BlobProgress(string digest, long done, long total)
    {
        var first = _shown.TryAdd(digest, -1);
        if (first)
        {
            stream.Status(push ? "Preparing" : "Pulling fs layer", Short(digest));
        }

        var last = _shown[digest];
        if (done < total && total > 0 && done - last < total / Steps)
        {
            return;
        }

        _shown[digest] = done;
        stream.Post(new JsonObject
        {
            ["status"] = push ? "Pushing" : "Downloading",
            ["progressDetail"] = new JsonObject { ["current"] = done, ["total"] = total },
            ["progress"] = Bar(done, total),
            ["id"] = Short(digest),
        });
    }

    /// <summary>The 12 hex digits Docker names a layer by.</summary>
    public static string Short(string digest)
    {
        var hex = digest.Contains(':') ? digest[(digest.IndexOf(':') + 1)..] : digest;
        return hex.Length > 12 ? hex[..12] : hex;
    }

    /// <summary>Docker's deprecated text bar, still read by older clients.</summary>
    private static string Bar(long done, long total)
    {
        const int Width = 50;
        var filled = total > 0 ? (int)Math.Min(Width, done * Width / total) : 0;
        var arrow = filled < Width ? ">" : "";
        return "[" + new string('=', Math.Max(0, filled - arrow.Length)) + arrow
            + new string(' ', Width - filled) + $"] {done}B/{total}B";
    }
}
