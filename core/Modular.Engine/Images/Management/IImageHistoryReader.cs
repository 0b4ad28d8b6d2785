namespace Modular.Engine.Images.Management;

/// <summary>
/// <c>history</c>'s entries, newest first. The engine reads the store; the remote client
/// asks the service, so the CLI resolves this interface rather than the reader.
/// </summary>
public interface IImageHistoryReader
{
    /// <exception cref="Contracts.Errors.NotFoundException">No such image.</exception>
    Task<IReadOnlyList<HistoryEntry>> ReadAsync(string nameOrId, CancellationToken cancellationToken);
}
