using CliWrap;
using CliWrap.Buffered;

namespace Modular.TestImages;

/// <summary>
/// registry:2.8.2 stand-in: Debian's docker-registry binary with the shared libraries
/// ldd names, the registry image's config path and entrypoint, on the busybox layer
/// (the entrypoint is a shell script, as in the real image).
/// </summary>
public static class RegistryImage
{
    public const string HostBinary = "/usr/bin/docker-registry";

    private const UnixFileMode Executable = (UnixFileMode)0b111_101_101;

    public static async Task<TestImage> BuildAsync(string name, CancellationToken cancellationToken = default)
    {
        var entries = new List<LayerEntry>
        {
            LayerEntry.Dir("bin/"),
            LayerEntry.File("bin/registry", await File.ReadAllBytesAsync(HostBinary, cancellationToken), Executable),
            LayerEntry.Dir("etc/"),
            LayerEntry.Dir("etc/docker/"),
            LayerEntry.Dir("etc/docker/registry/"),
            LayerEntry.File("etc/docker/registry/config.yml", PodmanSuiteFiles.RegistryConfig),
            LayerEntry.File("entrypoint.sh", PodmanSuiteFiles.RegistryEntrypoint, Executable),
            LayerEntry.Dir("var/"),
            LayerEntry.Dir("var/lib/"),
            LayerEntry.Dir("var/lib/registry/"),
        };
        entries.AddRange(await LibraryEntriesAsync(cancellationToken));
        return new TestImage(
            name,
            [await TestImageCatalog.BusyboxLayerAsync(cancellationToken), LayerBuilder.Build(entries)],
            Cmd: ["/etc/docker/registry/config.yml"],
            Volumes: ["/var/lib/registry"],
            Extras: new ImageRuntimeExtras(Entrypoint: ["/entrypoint.sh"], ExposedPorts: ["5000/tcp"]));
    }

    /// <summary>Each library at the path ldd prints, with its parent directories first.</summary>
    private static async Task<IEnumerable<LayerEntry>> LibraryEntriesAsync(CancellationToken cancellationToken)
    {
        var ldd = await Cli.Wrap("ldd").WithArguments(HostBinary).ExecuteBufferedAsync(cancellationToken);
        var paths = ldd.StandardOutput.Split('\n')
            .SelectMany(line => line.Split(' ', '\t'))
            .Where(word => word.StartsWith('/'))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var entries = new List<LayerEntry>();
        var dirs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            foreach (var dir in ParentDirs(path).Where(dirs.Add))
            {
                entries.Add(LayerEntry.Dir(dir));
            }

            var content = await File.ReadAllBytesAsync(path, cancellationToken);
            entries.Add(LayerEntry.File(path.TrimStart('/'), content, Executable));
        }

        return entries;
    }

    private static IEnumerable<string> ParentDirs(string path)
    {
        var parts = path.Trim('/').Split('/');
        for (var i = 1; i < parts.Length; i++)
        {
            yield return string.Join('/', parts[..i]) + "/";
        }
    }
}
