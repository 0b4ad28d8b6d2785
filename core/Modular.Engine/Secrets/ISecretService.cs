namespace Modular.Engine.Secrets;

/// <summary>
/// Secrets of the file driver under graphroot/secrets: what <c>modpod secret</c> does and
/// what <c>run --secret</c> reads. Secret data never leaves this service except through
/// <see cref="ReadDataAsync"/>; metadata (names, labels, driver) is not secret.
/// </summary>
public interface ISecretService
{
    /// <summary>
    /// Stores a secret and returns its record. A taken name throws AlreadyExistsException
    /// ("NAME: secret name in use") unless Replace (keeps the ID, new data) or Ignore.
    /// </summary>
    /// <exception cref="Contracts.Errors.InvalidInputException">Bad name, size or driver.</exception>
    Task<SecretRecord> CreateAsync(SecretCreateRequest request, CancellationToken cancellationToken);

    /// <summary>Secrets matching every filter key (name, id, label), oldest first.</summary>
    Task<IReadOnlyList<SecretRecord>> ListAsync(
        IReadOnlyList<string> filters,
        CancellationToken cancellationToken);

    /// <summary>Finds a secret by name, full ID or unique ID prefix.</summary>
    /// <exception cref="Contracts.Errors.NotFoundException">No such secret.</exception>
    Task<SecretRecord> GetAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>The secret's bytes, for containers and <c>inspect --showsecret</c> only.</summary>
    Task<byte[]> ReadDataAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Removes a secret and its data; returns its ID.</summary>
    /// <exception cref="Contracts.Errors.NotFoundException">No such secret.</exception>
    Task<string> RemoveAsync(string nameOrId, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string nameOrId, CancellationToken cancellationToken);
}
