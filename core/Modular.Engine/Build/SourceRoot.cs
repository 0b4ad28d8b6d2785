namespace Modular.Engine.Build;

/// <summary>Where COPY reads from: the context (with its ignore rules) or a mounted stage or image.</summary>
internal sealed class SourceRoot(string path, IgnoreRules ignore, TempLayer? layer = null) : IAsyncDisposable
{
    public string Path { get; } = path;

    public IgnoreRules Ignore { get; } = ignore;

    /// <summary>Files fetched for ADD URL sources, deleted with the root.</summary>
    public List<string> Downloads { get; } = [];

    public async ValueTask DisposeAsync()
    {
        Downloads.ForEach(d => Directory.Delete(System.IO.Path.GetDirectoryName(d)!, recursive: true));
        if (layer is not null)
        {
            await layer.DisposeAsync();
        }
    }
}
