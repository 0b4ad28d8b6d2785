namespace Modular.Engine.Images.Transports;

/// <summary>One layer of a stored image: its id, the diff id the config names, and its kept blob.</summary>
/// <param name="KeptBlob">The blob it was applied from, or null when only the driver has it.</param>
internal sealed record StoredLayer(string Id, string DiffId, string? KeptBlob);
