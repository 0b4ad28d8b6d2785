using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Storage;
using Modular.Engine.Configuration;
using Modular.Engine.Events;
using Modular.Engine.Images;

namespace Modular.Engine.Tests.Images;

/// <summary>A temp graphroot/runroot with the image services over a fake driver; removed on dispose.</summary>
public sealed class ImageStoreFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public ImageStoreFixture(LayerEntryReader? reader = null, IEventLog? events = null)
    {
        Root = Directory.CreateTempSubdirectory("modular-images-test-").FullName;
        var options = new EngineOptions
        {
            GraphRoot = Path.Combine(Root, "graph"),
            RunRoot = Path.Combine(Root, "run"),
            StorageDriver = "vfs",
            Runtime = "crun",
            CgroupManager = "cgroupfs",
            DefaultCapabilities = [],
            RegistriesConfPath = Path.Combine(Root, "registries.conf"),
            AuthFilePath = Path.Combine(Root, "auth.json"),
        };
        var services = new ServiceCollection();
        if (events is not null)
        {
            services.AddSingleton(events);
        }

        _services = services
            .AddLogging()
            .AddSingleton(options)
            .AddSingleton<IStorageDriver>(Driver)
            .AddSingleton(reader ?? FakeLayerReader.ReadAsync)
            .AddModularImages()
            .BuildServiceProvider();
        Options = options;
    }

    public string Root { get; }

    public EngineOptions Options { get; }

    public FakeStorageDriver Driver { get; } = new();

    public IImageService Images => _services.GetRequiredService<IImageService>();

    public ImageStore Store => _services.GetRequiredService<ImageStore>();

    /// <summary>Every file under graphroot but lock files, with a digest of its content.</summary>
    /// <summary>
    /// Every file of the store with its digest, except lock files and the verified blobs a
    /// failed pull keeps in tmp/pull-blobs on purpose, so that running it again fetches
    /// only what is missing.
    /// </summary>
    public IReadOnlyList<string> Files() => Directory.Exists(Options.GraphRoot)
        ? [.. Directory.GetFiles(Options.GraphRoot, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".lock") && !f.Contains("/tmp/pull-blobs/")).Order()
            .Select(f => $"{f} {Digests.Of(File.ReadAllBytes(f))}")]
        : [];

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
