using Modular.Contracts.Errors;
using Modular.Engine.Registry;

namespace Modular.Engine.Images;

/// <summary>
/// Verified layer blobs a pull has downloaded but not yet committed, in graphroot/tmp/
/// pull-blobs, named by digest. A pull killed or failed half-way leaves the blobs it
/// finished here, so running it again fetches only the rest; a blob is downloaded to a
/// ".partial" file and renamed only once its size and digest check out. The caller holds
/// the blob's per-digest lock, so no two processes write one name.
/// </summary>
internal sealed class PullBlobCache(ImageStore store)
{
    private string Directory => Path.Combine(store.TempDirectory, "pull-blobs");

    public string PathOf(string digest) => Path.Combine(Directory, Digests.Hex(digest));

    /// <summary>True when a complete, verified copy is already here (a bad one is removed).</summary>
    public async Task<bool> HasAsync(Descriptor blob, CancellationToken cancellationToken)
    {
        var path = PathOf(blob.Digest);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            await using var file = File.OpenRead(path);
            await using var hashing = new HashingStream(file, leaveOpen: true);
            await hashing.CopyToAsync(Stream.Null, cancellationToken);
            BlobFetcher.Verify(blob, hashing.BytesRead, await hashing.FinishAsync(cancellationToken));
            return true;
        }
        catch (InvalidInputException)
        {
            File.Delete(path);
            return false;
        }
    }

    /// <summary>Downloads and verifies a blob, then makes it visible under its digest.</summary>
    public async Task FetchAsync(
        RegistryClient client,
        string repository,
        Descriptor blob,
        Action<long>? report,
        CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var final = PathOf(blob.Digest);
        var partial = final + ".partial";
        try
        {
            // A partial file is what a killed pull left; we hold the lock, so it is stale.
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write))
            await using (var counted = new ProgressStream(file, report))
            {
                await BlobFetcher.FetchAsync(client, repository, blob, counted, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(partial, final, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Drops the blobs of a committed image: its layers now hold them.</summary>
    public void Forget(IEnumerable<string> digests)
    {
        foreach (var digest in digests)
        {
            File.Delete(PathOf(digest));
        }
    }

    /// <summary>
    /// Removes what no running pull holds (its per-blob lock is free): every ".partial",
    /// which is never resumed (a blob restarts from its first byte), and the complete blobs
    /// of abandoned pulls once older than <paramref name="keepComplete"/> (null: all of
    /// them). Files that are not named by a digest are not ours and stay.
    /// </summary>
    public void Sweep(TimeSpan? keepComplete)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return;
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(Directory))
        {
            var name = Path.GetFileName(path);
            var partial = name.EndsWith(".partial", StringComparison.Ordinal);
            var hex = partial ? name[..^".partial".Length] : name;
            var young = keepComplete is { } keep && File.GetLastWriteTimeUtc(path) > DateTime.UtcNow - keep;
            if ((!partial && young) || !Digests.IsValid("sha256:" + hex))
            {
                continue;
            }

            using var held = store.TryLockBlob("sha256:" + hex);
            if (held is not null)
            {
                File.Delete(path);
            }
        }
    }
}
