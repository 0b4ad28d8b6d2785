using System.Formats.Tar;
using Modular.Engine.Build;

namespace Modular.Remote.Services;

/// <summary>
/// The build context as the remote client sends it: every file of the context directory the
/// ignore file (.containerignore, .dockerignore or --ignorefile) does not exclude, as
/// podman-remote tars it; the ignore files and the Containerfile always go along.
/// </summary>
internal static class BuildContextTar
{
    private static readonly string[] AlwaysSent = ["Containerfile", "Dockerfile", ".containerignore", ".dockerignore"];

    /// <summary>Writes the context to <paramref name="output"/>, plus any extra named files.</summary>
    public static async Task WriteAsync(
        BuildOptions options,
        IReadOnlyList<string> keep,
        IReadOnlyDictionary<string, string> extra,
        Stream output,
        CancellationToken cancellationToken)
    {
        var ignore = IgnoreRules.Read(options.ContextDirectory, options.ContainerfilePaths, options.IgnoreFile);
        await using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        await WalkAsync(writer, options.ContextDirectory, "", ignore, [.. AlwaysSent, .. keep], cancellationToken);
        foreach (var (name, text) in extra)
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)),
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            };
            await writer.WriteEntryAsync(entry, cancellationToken);
        }
    }

    private static async Task WalkAsync(
        TarWriter writer,
        string directory,
        string prefix,
        IgnoreRules ignore,
        string[] keep,
        CancellationToken cancellationToken)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal))
        {
            var relative = prefix + Path.GetFileName(path);
            var info = new FileInfo(path);
            var isDirectory = info.Attributes.HasFlag(FileAttributes.Directory) && info.LinkTarget is null;
            var excluded = ignore.Excludes(relative) && !keep.Contains(relative);
            if (!excluded)
            {
                await writer.WriteEntryAsync(path, relative, cancellationToken);
            }

            // An excluded directory is still entered when a "!" rule may bring back something below it.
            if (isDirectory && (!excluded || ignore.MayReinclude(relative)))
            {
                await WalkAsync(writer, path, relative + "/", ignore, keep, cancellationToken);
            }
        }
    }
}
