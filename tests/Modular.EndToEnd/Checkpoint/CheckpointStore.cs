using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Checkpoint;

/// <summary>A fresh store for one runtime, with busybox loaded and the counter container's helpers.</summary>
public sealed class CheckpointStore : IAsyncDisposable
{
    /// <summary>Writes an ever-growing number to /tmp/c every tenth of a second.</summary>
    public const string CounterScript = "i=0; while :; do echo $i > /tmp/c; i=$((i+1)); sleep 0.1; done";

    /// <summary>zstd's frame magic, the first bytes of a default export.</summary>
    public static readonly byte[] ZstdMagic = [0x28, 0xb5, 0x2f, 0xfd];

    private readonly bool _owned;

    private CheckpointStore(ModpodFixture modpod, bool owned)
    {
        Modpod = modpod;
        _owned = owned;
    }

    public ModpodFixture Modpod { get; }

    public static async Task<CheckpointStore> CreateAsync(string runtime)
    {
        var store = new CheckpointStore(await ModpodFixture.CreateAsync(new StoreOptions(Runtime: runtime)), true);
        await store.Modpod.EnsureBusyboxAsync();
        return store;
    }

    /// <summary>The helpers over a store the test disposes itself.</summary>
    public static CheckpointStore Over(ModpodFixture modpod) => new(modpod, false);

    public async Task<string> RunCounterAsync(string name)
    {
        var run = await Modpod.RunAsync(
            "run", "-d", "--name", name, "--network", "none", ModpodFixture.Busybox, "sh", "-c", CounterScript);
        ModpodAssert.Exit(0, run);
        await WaitForCounterAsync(name, 5);
        return run.Output;
    }

    /// <summary>Polls the counter through exec until it reaches <paramref name="minimum"/>; returns it.</summary>
    public async Task<int> WaitForCounterAsync(string name, int minimum)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var last = -1;
        while (DateTime.UtcNow < deadline)
        {
            last = await ReadCounterAsync(name);
            if (last >= minimum)
            {
                return last;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"counter of {name} stayed at {last}, below {minimum}");
    }

    public async Task<int> ReadCounterAsync(string name)
    {
        var exec = await Modpod.RunAsync("exec", name, "cat", "/tmp/c");
        return exec.ExitCode == 0 && int.TryParse(exec.Output, CultureInfo.InvariantCulture, out var value) ? value : -1;
    }

    /// <summary>The counter file as the export holds it: the value at the checkpoint.</summary>
    public static async Task<int> CounterInArchiveAsync(string archive)
    {
        await using var stream = OpenArchive(archive);
        await using var outer = new TarReader(stream);
        while (await outer.GetNextEntryAsync(copyData: true) is { } entry)
        {
            if (entry.Name == "rootfs-diff.tar")
            {
                await using var inner = new TarReader(entry.DataStream!);
                while (await inner.GetNextEntryAsync(copyData: true) is { } member)
                {
                    if (member.Name == "tmp/c")
                    {
                        using var reader = new StreamReader(member.DataStream!);
                        return int.Parse((await reader.ReadToEndAsync()).Trim(), CultureInfo.InvariantCulture);
                    }
                }
            }
        }

        throw new Xunit.Sdk.XunitException($"{archive} holds no tmp/c in rootfs-diff.tar");
    }

    /// <summary>The names in the export archive, top level only.</summary>
    public static async Task<IReadOnlyList<string>> ArchiveTopNamesAsync(string archive) =>
        (await ArchiveNamesAsync(archive)).Where(name => !name.Contains('/')).ToList();

    /// <summary>Every entry name in the export archive.</summary>
    public static async Task<IReadOnlyList<string>> ArchiveNamesAsync(string archive)
    {
        await using var stream = OpenArchive(archive);
        await using var reader = new TarReader(stream);
        var names = new List<string>();
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            names.Add(entry.Name.TrimEnd('/'));
        }

        return names;
    }

    /// <summary>The archive's first four bytes, which name its compression.</summary>
    public static byte[] Magic(string archive)
    {
        using var file = File.OpenRead(archive);
        var head = new byte[4];
        file.ReadExactly(head);
        return head;
    }

    // The export's compression, by magic bytes: zstd (the default), gzip or none.
    private static Stream OpenArchive(string archive)
    {
        var head = Magic(archive);
        var file = File.OpenRead(archive);
        if (head[0] == 0x1f && head[1] == 0x8b)
        {
            return new GZipStream(file, CompressionMode.Decompress);
        }

        return head.SequenceEqual(ZstdMagic) ? new ZstdSharp.DecompressionStream(file) : file;
    }

    public string Archive(string name) => Path.Combine(Modpod.Directory, "work", name);

    public string StaticDirectory(string id) => Path.Combine(Modpod.GraphRoot, "containers", id);

    public async ValueTask DisposeAsync()
    {
        if (_owned)
        {
            await Modpod.DisposeAsync();
        }
    }
}
