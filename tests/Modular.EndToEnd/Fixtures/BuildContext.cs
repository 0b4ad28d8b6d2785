namespace Modular.EndToEnd.Fixtures;

/// <summary>A temporary build context directory, deleted on dispose.</summary>
public sealed class BuildContext : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("modular-build-").FullName;

    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    public void Write(string name, string content, DateTime? modified = null)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        if (modified is { } time)
        {
            File.SetLastWriteTimeUtc(path, time);
        }
    }

    public void WriteBytes(string name, byte[] content) => File.WriteAllBytes(PathOf(name), content);

    /// <summary>Copies a directory of the repository (a corpus case) into the context.</summary>
    public void CopyFrom(string directory, string into = "")
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var target = PathOf(System.IO.Path.Combine(into, System.IO.Path.GetRelativePath(directory, file)));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
