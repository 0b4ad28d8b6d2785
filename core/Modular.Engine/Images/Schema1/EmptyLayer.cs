namespace Modular.Engine.Images.Schema1;

/// <summary>
/// The gzip of an empty tar archive that schema 1 manifests name for history items that
/// made no layer (throwaway); its digest is the one every Docker tool uses for it.
/// </summary>
internal static class EmptyLayer
{
    public const string Digest = "sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4";

    public static byte[] Bytes() =>
    [
        31, 139, 8, 0, 0, 9, 110, 136, 0, 255, 98, 24, 5, 163, 96, 20,
        140, 88, 0, 8, 0, 0, 255, 255, 46, 175, 181, 239, 0, 4, 0, 0,
    ];
}
