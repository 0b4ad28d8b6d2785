namespace Modular.Engine.Images;

/// <summary>An image record with the store holding it (ours or a read-only one) and its snapshot.</summary>
public sealed record FoundImage(ImageStore Store, StoreState State, ImageRecord Record);
