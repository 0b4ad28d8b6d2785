using Modular.Engine.Commit;
using Modular.Engine.Images;

namespace Modular.Engine.Build;

/// <summary>
/// A scratch read-write layer over an image's top layer, mounted: where COPY, ADD and WORKDIR
/// write, or where another stage's files are read from. Always unmounted and removed.
/// </summary>
internal sealed class TempLayer : IAsyncDisposable
{
    private readonly ILayerStore _layers;

    private TempLayer(ILayerStore layers, string id, string root)
    {
        _layers = layers;
        Id = id;
        Root = root;
    }

    public string Id { get; }

    public string Root { get; }

    public static async Task<TempLayer> CreateAsync(
        ILayerStore layers,
        string? parentLayerId,
        CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await layers.CreateContainerLayerAsync(id, parentLayerId, cancellationToken);
        try
        {
            return new TempLayer(layers, id, await layers.MountAsync(id, cancellationToken));
        }
        catch
        {
            await layers.RemoveContainerLayerAsync(id, CancellationToken.None);
            throw;
        }
    }

    public Task<CapturedLayer> CaptureAsync(LayerCapture capture, CancellationToken cancellationToken) =>
        capture.DiffAsync(Id, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // Removed even after a cancelled build; the store must not keep scratch layers.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _layers.UnmountAsync(Id, timeout.Token);
        await _layers.RemoveContainerLayerAsync(Id, timeout.Token);
    }
}
