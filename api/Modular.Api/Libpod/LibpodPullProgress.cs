using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Modular.Api.Compat;
using Modular.Engine.Registry;

namespace Modular.Api.Libpod;

/// <summary>
/// A libpod pull's progress as Podman's handler streams it: each line of the copy as
/// <c>{"status":"pulling","stream":"..."}</c> and, with pullProgress, one line per blob
/// event carrying <c>pullProgress</c> {status, current, total, progressComponentID}.
/// Text lines are held until the first blob moves, as Podman holds them, so a reference
/// that fails before any transfer still answers with its own status code.
/// </summary>
public sealed class LibpodPullProgress(JsonLineStream stream, bool pullProgress) : CopyProgress(null)
{
    private const int Steps = 20;

    private readonly List<string> _held = [];
    private readonly ConcurrentDictionary<string, (long Done, long Total)> _blobs = new();
    private bool _started;

    /// <summary>Whether anything went out: from then on a failure is an in-stream line.</summary>
    public bool Started
    {
        get { lock (_held) { return _started; } }
    }

    public override void Starting() => Text("Getting image source signatures");

    public override void Message(string text) => Text(text);

    public override void BlobDone(string digest)
    {
        Text($"Copying blob {digest} done");
        var (_, total) = _blobs.GetValueOrDefault(digest);
        Artifact("Artifact pulled successfully", "success", digest, total, total);
    }

    public override void BlobSkipped(string digest)
    {
        Text($"Copying blob {digest} skipped: already exists");
        Artifact("Artifact already exists", "skipped", digest, null, null);
    }

    public override void ConfigDone(string digest) => Text($"Copying config {digest} done");

    public override void WritingManifest() => Text("Writing manifest to image destination");

    public override void BlobProgress(string digest, long done, long total)
    {
        var first = _blobs.TryAdd(digest, (-1, total));
        var (last, _) = _blobs[digest];
        if (!first && done < total && total > 0 && done - last < total / Steps)
        {
            return;
        }

        _blobs[digest] = (done, total);
        var words = first ? "Starting to pull artifact" : "Pulling artifact";
        Artifact(words, "pulling", digest, done, total);
    }

    /// <summary>Sends what is held (the end of a pull, or before an in-stream error line).</summary>
    public void Flush()
    {
        lock (_held)
        {
            _started = true;
            foreach (var line in _held)
            {
                stream.Post(Pulling(line));
            }

            _held.Clear();
        }
    }

    private void Text(string line)
    {
        lock (_held)
        {
            if (_started)
            {
                stream.Post(Pulling(line));
            }
            else
            {
                _held.Add(line);
            }
        }
    }

    private void Artifact(string words, string status, string digest, long? current, long? total)
    {
        Flush();
        if (!pullProgress)
        {
            return;
        }

        var progress = new JsonObject { ["status"] = status };
        if (current is > 0)
        {
            progress["current"] = current;
        }

        if (total is not null and not 0)
        {
            progress["total"] = total;
        }

        progress["progressComponentID"] = digest;
        var line = new JsonObject { ["status"] = "pulling", ["stream"] = words, ["pullProgress"] = progress };
        stream.Post(line);
    }

    private static JsonObject Pulling(string text) => new()
    {
        ["status"] = "pulling",
        ["stream"] = text + "\n",
    };
}
