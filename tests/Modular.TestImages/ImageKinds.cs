namespace Modular.TestImages;

/// <summary>The image kinds the command line builds, by the verb that names them.</summary>
public static class ImageKinds
{
    public static readonly IReadOnlyList<string> Names =
    [
        "busybox", "layered", "unique", "dotdot", "hardlink-escape", "duplicate",
        "symlink-root-write", "etc-symlink", "absolute-symlink", "random-50m", "with-volume",
    ];

    public static Task<TestImage> BuildAsync(
        string kind,
        string name,
        string marker,
        string token,
        CancellationToken cancellationToken = default) => kind switch
    {
        "busybox" => TestImageCatalog.BusyboxAsync(name, cancellationToken: cancellationToken),
        "layered" => TestImageCatalog.LayeredAsync(name, cancellationToken),
        "unique" => TestImageCatalog.UniqueAsync(name, token, cancellationToken),
        "dotdot" => TestImageCatalog.DotDotAsync(name, marker, cancellationToken),
        "hardlink-escape" => TestImageCatalog.HardLinkEscapeAsync(name, cancellationToken),
        "duplicate" => TestImageCatalog.DuplicatePathAsync(name, cancellationToken),
        "symlink-root-write" => TestImageCatalog.SymlinkRootWriteAsync(name, marker, cancellationToken),
        "etc-symlink" => TestImageCatalog.EtcSymlinkAsync(name, marker, cancellationToken),
        "absolute-symlink" => TestImageCatalog.AbsoluteSymlinkAsync(name, cancellationToken),
        "random-50m" => TestImageCatalog.RandomLayersAsync(name, 5, 50L << 20, 1, cancellationToken),
        "with-volume" => TestImageCatalog.WithVolumeAsync(name, cancellationToken),
        _ => throw new ArgumentException(
            $"unknown image kind {kind}; known: {string.Join(", ", Names)}"),
    };
}
