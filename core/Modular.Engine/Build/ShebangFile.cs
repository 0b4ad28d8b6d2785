namespace Modular.Engine.Build;

/// <summary>
/// A <c>RUN &lt;&lt;EOF</c> body starting with <c>#!</c>, written to an executable file under
/// the store's temp directory and bound read-only into the step's container, so its
/// interpreter runs it as a script (Buildah writes such a heredoc to a file too). /dev is a
/// tmpfs in the container, so the mount point leaves nothing in the step's layer.
/// </summary>
internal sealed class ShebangFile : IDisposable
{
    public const string Target = "/dev/pipes/modpod-heredoc-script";

    private readonly string _directory;

    public ShebangFile(string tempDirectory, string content)
    {
        _directory = Path.Combine(tempDirectory, $"build-script-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        HostPath = Path.Combine(_directory, "script");
        File.WriteAllText(HostPath, content.TrimStart('\n'));
        File.SetUnixFileMode(HostPath, (UnixFileMode)0x1ed);
    }

    public string HostPath { get; }

    /// <summary>The <c>-v</c> value binding the script at <see cref="Target"/>.</summary>
    public string Volume => $"{HostPath}:{Target}:ro";

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
