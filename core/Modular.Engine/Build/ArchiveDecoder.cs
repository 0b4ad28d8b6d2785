using CliWrap;

namespace Modular.Engine.Build;

/// <summary>
/// ADD extracts tars compressed with xz or bzip2 too, as Buildah does. The BCL reads
/// neither, so such a file is decompressed by the host's <c>xz</c> or <c>bzip2</c> into a
/// temporary plain tar; gzip and zstd stay with the managed readers of the layer code.
/// </summary>
internal static class ArchiveDecoder
{
    private static readonly byte[] XzMagic = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];
    private static readonly byte[] Bzip2Magic = [0x42, 0x5a, 0x68];

    /// <summary>The program that decompresses <paramref name="path"/>, or null.</summary>
    public static string? ProgramFor(string path)
    {
        var head = new byte[6];
        using (var file = File.OpenRead(path))
        {
            if (file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length)
            {
                return null;
            }
        }

        return head.AsSpan().StartsWith(XzMagic) ? "xz"
            : head.AsSpan().StartsWith(Bzip2Magic) ? "bzip2"
            : null;
    }

    /// <summary>
    /// Decompresses <paramref name="path"/> with <paramref name="program"/> into
    /// <paramref name="target"/>; false when the program fails (not an archive after all).
    /// </summary>
    public static async Task<bool> DecompressAsync(
        string program,
        string path,
        string target,
        CancellationToken cancellationToken)
    {
        await using var output = File.Create(target);
        var result = await Cli.Wrap(program)
            .WithArguments(["-dc", "--", path])
            .WithStandardOutputPipe(PipeTarget.ToStream(output))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(cancellationToken);
        return result.ExitCode == 0;
    }
}
