namespace Modular.Engine.Registry;

/// <summary>An OCI content descriptor: what a manifest says about a blob or a child manifest.</summary>
public sealed record Descriptor(
    string MediaType,
    string Digest,
    long Size,
    Platform? Platform = null,
    IReadOnlyDictionary<string, string>? Annotations = null);
