using System.Formats.Tar;
using System.Text;
using Modular.Engine.Containers.Copy;
using Xunit;

namespace Modular.Engine.Tests.Containers.Copy;

/// <summary>
/// The in-root resolution under cp, on plain temp directories: a fake container root next to
/// a canary directory that every hostile link aims at when followed on the host.
/// </summary>
public sealed class RootedCopyTests : IDisposable
{
    private readonly string _base = Directory.CreateTempSubdirectory("modular-rooted-").FullName;

    public RootedCopyTests()
    {
        Directory.CreateDirectory(Canary);
        File.WriteAllText(Path.Combine(Canary, "witness"), "host\n");
        Directory.CreateDirectory(Path.Combine(Root, "inside"));
        File.WriteAllText(Path.Combine(Root, "inside", "witness"), "inside\n");
        Directory.CreateDirectory(Path.Combine(Root, "canary"));

        // Followed on the host, each of these reaches the canary; inside the root, /inside.
        File.CreateSymbolicLink(Path.Combine(Root, "abs"), "/inside");
        File.CreateSymbolicLink(Path.Combine(Root, "rel"), "../../../../../../../../inside");
        File.CreateSymbolicLink(Path.Combine(Root, "up"), "../canary");
    }

    private string Root => Path.Combine(_base, "root");

    private string Canary => Path.Combine(_base, "canary");

    [Fact]
    public void Absolute_and_dotdot_links_resolve_inside_the_root()
    {
        using var root = RootDirectory.Open(Root);

        Assert.Equal("/inside/witness", root.Resolve("/abs/witness"));
        Assert.Equal("/inside/witness", root.Resolve("rel/witness"));
        Assert.Equal("/inside", root.Resolve("/../../inside"));
        Assert.Null(root.Resolve("/up/witness"));
    }

    [Fact]
    public async Task A_hostile_tar_lands_inside_the_root_and_leaves_the_canary_alone()
    {
        using var root = RootDirectory.Open(Root);
        var extractor = new TarExtractor(root, "/inside", new ExtractOptions(null, Overwrite: false, IgnoreDevices: true));

        await extractor.ExtractAsync(new MemoryStream(HostileTar()), CancellationToken.None);

        Assert.Equal(["witness"], Directory.GetFileSystemEntries(Canary).Select(Path.GetFileName));
        Assert.Equal("host\n", File.ReadAllText(Path.Combine(Canary, "witness")));
        Assert.Equal("dotdot\n", File.ReadAllText(Path.Combine(Root, "inside", "canary", "dotdot")));
        Assert.Equal("via-link\n", File.ReadAllText(Path.Combine(Root, "inside", "via-link")));
        Assert.Equal("via-up\n", File.ReadAllText(Path.Combine(Root, "canary", "via-up")));
    }

    [Fact]
    public async Task Reading_through_a_link_reads_the_container_file_not_the_host_one()
    {
        using var root = RootDirectory.Open(Root);
        using var buffer = new MemoryStream();

        await using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            await new TreeTarWriter(writer).WriteAsync(root, root.Resolve("/rel")!, "copy", CancellationToken.None);
        }

        buffer.Position = 0;
        using var reader = new TarReader(buffer);
        Assert.Equal("copy/", reader.GetNextEntry()!.Name);
        var file = reader.GetNextEntry()!;
        Assert.Equal("copy/witness", file.Name);
        Assert.Equal("inside\n", new StreamReader(file.DataStream!).ReadToEnd());
    }

    public void Dispose() => Directory.Delete(_base, recursive: true);

    private static byte[] HostileTar()
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(Entry("../../../canary/dotdot", "dotdot"));
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "link") { LinkName = "../../../../.." });
            writer.WriteEntry(Entry("link/inside/via-link", "via-link"));
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "uplink") { LinkName = "../../canary" });
            writer.WriteEntry(Entry("uplink/via-up", "via-up"));
        }

        return buffer.ToArray();
    }

    private static PaxTarEntry Entry(string name, string content) =>
        new(TarEntryType.RegularFile, name)
        {
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content + "\n")),
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
}
