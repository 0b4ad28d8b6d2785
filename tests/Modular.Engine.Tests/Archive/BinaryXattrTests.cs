using System.Text;
using Modular.Engine.Archive;
using Xunit;

namespace Modular.Engine.Tests.Archive;

/// <summary>
/// A file capability is a binary xattr; .NET's tar reader alone would decode it as UTF-8
/// and write different bytes, so a program relying on it would lose its capability.
/// </summary>
public sealed class BinaryXattrTests
{
    // The shape of a vfs_cap_data v2 value: magic 0x02000001 little-endian, then masks.
    private static readonly byte[] Capability = [0x01, 0x00, 0x00, 0x02, 0x00, 0x20, 0x00, 0x00, 0xff, 0xfe, 0x80, 0x00];

    [Fact]
    public async Task A_binary_xattr_value_reaches_the_driver_byte_for_byte()
    {
        var tar = RawPaxTar("bin/ping", "SCHILY.xattr.security.capability", Capability, "ping!");

        var entries = await ReadAsync(tar);

        var entry = Assert.Single(entries);
        Assert.Equal("bin/ping", entry.Path);
        Assert.Equal(Capability, entry.Xattrs!["security.capability"]);
    }

    [Fact]
    public async Task A_binary_xattr_survives_gzip_and_entries_before_it()
    {
        var first = RawPaxTar("etc/a", "SCHILY.xattr.user.note", "text"u8.ToArray(), new string('x', 700));
        var second = RawPaxTar("bin/ping", "SCHILY.xattr.security.capability", Capability, "ping!");
        var both = first[..^1024].Concat(second).ToArray();
        using var gzipped = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(gzipped, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(both);
        }

        var entries = await ReadAsync(gzipped.ToArray());

        Assert.Equal("text", Encoding.UTF8.GetString(entries[0].Xattrs!["user.note"]));
        Assert.Equal(Capability, entries[1].Xattrs!["security.capability"]);
    }

    private static async Task<List<Contracts.Storage.LayerEntry>> ReadAsync(byte[] tar)
    {
        var entries = new List<Contracts.Storage.LayerEntry>();
        await foreach (var entry in LayerArchiveReader.ReadAsync(new MemoryStream(tar), CancellationToken.None))
        {
            entries.Add(entry);
            if (entry.Content is { } content)
            {
                await content.CopyToAsync(Stream.Null);
            }
        }

        return entries;
    }

    // Written by hand: .NET's TarWriter takes PAX values as strings and cannot write raw bytes.
    private static byte[] RawPaxTar(string name, string key, byte[] value, string content)
    {
        var record = PaxRecord(key, value);
        var body = Encoding.ASCII.GetBytes(content);
        var tar = new List<byte>();
        tar.AddRange(Header("PaxHeaders/" + name, record.Length, 'x'));
        tar.AddRange(Padded(record));
        tar.AddRange(Header(name, body.Length, '0'));
        tar.AddRange(Padded(body));
        tar.AddRange(new byte[1024]);
        return tar.ToArray();
    }

    private static byte[] PaxRecord(string key, byte[] value)
    {
        var tail = Encoding.UTF8.GetBytes($" {key}=").Concat(value).Append((byte)'\n').ToArray();
        var length = tail.Length + 1;
        while ((length.ToString().Length + tail.Length) != length)
        {
            length = length.ToString().Length + tail.Length;
        }

        return Encoding.ASCII.GetBytes(length.ToString()).Concat(tail).ToArray();
    }

    private static byte[] Header(string name, int size, char type)
    {
        var header = new byte[512];
        Encoding.ASCII.GetBytes(name).CopyTo(header, 0);
        Encoding.ASCII.GetBytes("0000644\0").CopyTo(header, 100);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(header, 108);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(header, 116);
        Encoding.ASCII.GetBytes(Convert.ToString(size, 8).PadLeft(11, '0') + "\0").CopyTo(header, 124);
        Encoding.ASCII.GetBytes("14530000000\0").CopyTo(header, 136);
        header[156] = (byte)type;
        Encoding.ASCII.GetBytes("ustar\0" + "00").CopyTo(header, 257);
        Encoding.ASCII.GetBytes("        ").CopyTo(header, 148);
        var sum = header.Sum(b => b);
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header, 148);
        return header;
    }

    private static byte[] Padded(byte[] data) =>
        data.Concat(new byte[(512 - data.Length % 512) % 512]).ToArray();
}
