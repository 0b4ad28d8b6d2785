using Modular.Contracts.Storage;

namespace Modular.Engine.Images;

/// <summary>
/// Turns an uncompressed layer tar into validated entries. The engine's is
/// <see cref="Archive.LayerArchiveReader.ReadAsync"/>; a delegate so unit tests can stand in
/// their own while that reader is built elsewhere.
/// </summary>
public delegate IAsyncEnumerable<LayerEntry> LayerEntryReader(
    Stream layer,
    CancellationToken cancellationToken);
