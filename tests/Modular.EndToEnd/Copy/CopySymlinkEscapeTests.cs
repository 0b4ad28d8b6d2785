using System.Formats.Tar;
using System.Text;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Copy;

/// <summary>
/// Issue 5's Done-when: a container whose /etc is a symlink to an absolute target, and other
/// links made of ../../.., copied (stopped container: the running case is in CopyTests) into and out of through those links. Each link would point
/// at a host canary (in /tmp, or beside the store) if followed on the host; cp must resolve
/// them inside the container's root, and the canaries must stay as they were.
/// </summary>
[Collection(Collections.Containers)]
public sealed class CopySymlinkEscapeTests(ModpodFixture modpod) : IDisposable
{
    private const string Deep = "../../../../../../../../../../../../../../../..";
    private readonly Canary _canary = new();
    private readonly string _host = Directory.CreateTempSubdirectory("modular-cp-").FullName;
    private readonly string _nearStore = CreateNearStore(modpod.Directory);

    [Fact]
    public async Task Copy_through_etc_symlinks_stays_inside_the_container_root()
    {
        await StartHostileContainerAsync("cpsym");
        File.WriteAllText(Host("payload"), "payload\n");

        var outAbsolute = await modpod.RunAsync("cp", "cpsym:/etc/witness", Host("abs"));
        var outRelative = await modpod.RunAsync("cp", "cpsym:/etc2/witness", Host("rel"));
        var outUp = await modpod.RunAsync("cp", $"cpsym:/up/tmp/{_canary.Name}/witness", Host("up"));
        var inAbsolute = await modpod.RunAsync("cp", Host("payload"), $"cpsym:/etc/{_canary.EtcName}");
        var inRelative = await modpod.RunAsync("cp", Host("payload"), "cpsym:/etc2/");
        var inside = await ExportedNamesAsync("cpsym", $"tmp/{_canary.Name}");

        ModpodAssert.Exit(0, outAbsolute);
        Assert.Equal("inside\n", File.ReadAllText(Host("abs")));
        ModpodAssert.Exit(0, outRelative);
        Assert.Equal("inside\n", File.ReadAllText(Host("rel")));
        ModpodAssert.Exit(0, outUp);
        Assert.Equal("inside\n", File.ReadAllText(Host("up")));
        ModpodAssert.Exit(0, inAbsolute);
        ModpodAssert.Exit(0, inRelative);
        Assert.Equal([_canary.EtcName, "payload", "witness"], inside);
        Assert.True(_canary.Untouched);
    }

    [Fact]
    public async Task A_link_aimed_beside_the_store_finds_nothing_and_writes_nothing()
    {
        await StartHostileContainerAsync("cpnear");
        File.WriteAllText(Host("payload"), "payload\n");
        var before = Snapshot(_nearStore);

        var read = await modpod.RunAsync("cp", "cpnear:/near/witness", Host("near"));
        var write = await modpod.RunAsync("cp", Host("payload"), "cpnear:/near/x");
        var stream = await modpod.RunToBytesAsync("cp", "cpnear:/near/", "-");

        ModpodAssert.Exit(125, read);
        Assert.False(File.Exists(Host("near")));
        ModpodAssert.Exit(125, write);
        ModpodAssert.Exit(125, stream.Result);
        Assert.Empty(stream.Output);
        Assert.Equal(before, Snapshot(_nearStore));
    }

    [Fact]
    public async Task A_tar_stream_with_dotdot_absolute_and_symlinked_entries_lands_inside()
    {
        await StartHostileContainerAsync("cpstream");
        var tar = HostileTar();

        var extract = await modpod.RunWithInputAsync(tar, "cp", "-", "cpstream:/dest");
        var targets = await ExportedNamesAsync("cpstream", $"tmp/{_canary.Name}");
        var clamped = await ExportedNamesAsync("cpstream", $"dest/tmp/{_canary.Name}");

        ModpodAssert.Exit(0, extract);
        Assert.True(_canary.Untouched);
        Assert.Equal(["via-abs", "via-rel", "witness"], targets);
        Assert.Equal(["absolute", "dotdot"], clamped);
    }

    public void Dispose()
    {
        foreach (var name in new[] { "cpsym", "cpnear", "cpstream" })
        {
            modpod.RunAsync("rm", "-f", "-t", "0", name).GetAwaiter().GetResult();
        }

        Directory.Delete(_host, recursive: true);
        Directory.Delete(_nearStore, recursive: true);
        _canary.Dispose();
    }

    private string Host(string relative) => Path.Combine(_host, relative);

    /// <summary>
    /// A container (created, not started: the runtime would bind its own files over /etc)
    /// from an image with /etc -> /tmp/CANARY, /etc2 -> ../../..(deep)/tmp/CANARY,
    /// /up -> ../.., /near -> ../../..(deep)/STORE-DIR/near-canary-..., and its own
    /// /tmp/CANARY/witness saying "inside".
    /// </summary>
    private async Task StartHostileContainerAsync(string name)
    {
        var layer = LayerBuilder.Build(
        [
            LayerEntry.Dir("tmp/"),
            LayerEntry.Dir($"tmp/{_canary.Name}/"),
            LayerEntry.File($"tmp/{_canary.Name}/witness", "inside\n"),
            LayerEntry.Dir("dest/"),
            LayerEntry.Symlink("etc", $"/tmp/{_canary.Name}"),
            LayerEntry.Symlink("etc2", $"{Deep}/tmp/{_canary.Name}"),
            LayerEntry.Symlink("up", "../.."),
            LayerEntry.Symlink("near", Deep + _nearStore),
        ]);
        var image = new TestImage(
            $"localhost/cp-hostile:{name}",
            [await TestImageCatalog.BusyboxLayerAsync(), layer]);
        await modpod.LoadAsync(image, expectSuccess: true);
        var create = await modpod.RunAsync("create", "--name", name, "--network", "none", image.Name, "true");
        ModpodAssert.Exit(0, create);
    }

    /// <summary>The container's file names below <paramref name="directory"/>, from export (not cp).</summary>
    private async Task<IReadOnlyList<string>> ExportedNamesAsync(string container, string directory)
    {
        var (result, tar) = await modpod.RunToBytesAsync("export", container);
        ModpodAssert.Exit(0, result);
        return (await TarListing.ListAsync(tar))
            .Select(n => n.TrimStart('.', '/'))
            .Where(n => n.StartsWith(directory + "/", StringComparison.Ordinal) && n.Length > directory.Length + 1)
            .Select(n => n[(directory.Length + 1)..].TrimEnd('/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private byte[] HostileTar()
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(Entry($"{Deep}/tmp/{_canary.Name}/dotdot", "dotdot"));
            writer.WriteEntry(Entry($"/tmp/{_canary.Name}/absolute", "absolute"));
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "abs") { LinkName = $"/tmp/{_canary.Name}" });
            writer.WriteEntry(Entry("abs/via-abs", "via-abs"));
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "rel") { LinkName = $"{Deep}/tmp/{_canary.Name}" });
            writer.WriteEntry(Entry("rel/via-rel", "via-rel"));
        }

        return buffer.ToArray();
    }

    private static PaxTarEntry Entry(string name, string content) =>
        new(TarEntryType.RegularFile, name)
        {
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content + "\n")),
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };

    /// <summary>A canary directory beside the store, which a link of ../.. would reach on the host.</summary>
    private static string CreateNearStore(string storeDirectory)
    {
        var path = Path.Combine(storeDirectory, "near-canary-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "witness"), "host\n");
        return path;
    }

    private static string Snapshot(string directory) => string.Join("\n", Directory
        .EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(p => $"{p} {new FileInfo(p).Length} {File.GetLastWriteTimeUtc(p):O}"));
}
