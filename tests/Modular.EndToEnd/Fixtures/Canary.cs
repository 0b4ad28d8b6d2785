namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// A host directory hostile images aim at (/tmp/NAME): it holds one file, and any
/// escaping write would add or change an entry. Also names a file under /etc that must
/// never appear. Deleted on dispose.
/// </summary>
public sealed class Canary : IDisposable
{
    public Canary()
    {
        Name = "modular-canary-" + Guid.NewGuid().ToString("N")[..12];
        Directory.CreateDirectory(HostPath);
        File.WriteAllText(Path.Combine(HostPath, "witness"), "untouched\n");
        Before = Snapshot();
    }

    /// <summary>The directory name; an image path tmp/NAME/x escapes into it.</summary>
    public string Name { get; }

    public string HostPath => "/tmp/" + Name;

    /// <summary>A file name that would appear in the host's /etc if a write escaped there.</summary>
    public string EtcName => Name + "-etc";

    private string Before { get; }

    public bool Untouched =>
        Snapshot() == Before && !File.Exists("/etc/" + EtcName) && !File.Exists("/tmp/" + EtcName);

    public void Dispose() => Directory.Delete(HostPath, recursive: true);

    private string Snapshot() => string.Join("\n", Directory
        .EnumerateFileSystemEntries(HostPath, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(p => $"{p} {new FileInfo(p).Length} {File.GetLastWriteTimeUtc(p):O}"));
}
