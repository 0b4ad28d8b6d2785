namespace Modular.Engine.Images.Transports;

/// <summary>One stored image as an export reads it.</summary>
/// <param name="Record">Its record in images.json.</param>
/// <param name="Config">The config blob as stored.</param>
/// <param name="Manifest">The manifest it was pulled or loaded with.</param>
/// <param name="Layers">Its layers, base first.</param>
/// <param name="Name">The stored name the user's input matched, or null for an id.</param>
internal sealed record StoredImage(
    ImageRecord Record,
    byte[] Config,
    byte[] Manifest,
    IReadOnlyList<StoredLayer> Layers,
    string? Name);
