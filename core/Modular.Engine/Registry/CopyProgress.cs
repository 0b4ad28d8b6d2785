namespace Modular.Engine.Registry;

/// <summary>
/// The lines a copy (push, pull) prints when stderr is not a terminal, in Podman's words.
/// One small class so terminal progress bars can replace it by overriding its methods.
/// Null writer: quiet. Lines are written whole under a lock: blobs may copy in parallel.
/// </summary>
public class CopyProgress(TextWriter? writer)
{
    public virtual void Starting() => Line("Getting image source signatures");

    /// <summary>Any other line of a copy ("Trying to pull ...", "Writing manifest ...").</summary>
    public virtual void Message(string text) => Line(text);

    public virtual void BlobDone(string digest) => Line($"Copying blob {digest} done");

    public virtual void BlobSkipped(string digest) => Line($"Copying blob {digest} skipped: already exists");

    public virtual void ConfigDone(string digest) => Line($"Copying config {digest} done");

    public virtual void WritingManifest() => Line("Writing manifest to image destination");

    /// <summary>The manifest was stored: its digest and length (the API's push reports both).</summary>
    public virtual void ManifestWritten(string digest, long size)
    {
    }

    /// <summary>Bytes of a blob sent so far; the plain form prints nothing for it.</summary>
    public virtual void BlobProgress(string digest, long done, long total)
    {
    }

    protected void Line(string text)
    {
        if (writer is null)
        {
            return;
        }

        lock (writer)
        {
            writer.WriteLine(text);
        }
    }
}
