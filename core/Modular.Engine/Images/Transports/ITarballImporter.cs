namespace Modular.Engine.Images.Transports;

/// <summary><c>import</c>: a root file system tarball becomes a one-layer image.</summary>
public interface ITarballImporter
{
    /// <summary>Returns the new image's id (hex).</summary>
    Task<string> ImportAsync(string path, TarballImportOptions options, CancellationToken cancellationToken);
}
