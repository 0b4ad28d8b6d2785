using System.Security.Cryptography;
using Modular.Contracts.Errors;
using Modular.Contracts.Hooks;
using Modular.Engine.Configuration;
using Modular.Engine.Events;

namespace Modular.Engine.Secrets;

/// <summary>The file-driver secrets of <see cref="ISecretService"/>, in <see cref="SecretStore"/>.</summary>
public sealed class SecretService(EngineOptions options, IEventLog events) : ISecretService
{
    private readonly SecretStore _store = new(options.GraphRoot);

    public async Task<SecretRecord> CreateAsync(SecretCreateRequest request, CancellationToken cancellationToken)
    {
        SecretRules.Validate(request);
        var driverOptions = DriverOptionsOf(request);
        using var held = await _store.LockAsync(cancellationToken);
        var all = await _store.ReadAllAsync(cancellationToken);
        var existing = all.Find(s => s.Name == request.Name);
        if (existing is not null && request.Ignore)
        {
            return existing;
        }

        if (existing is not null && !request.Replace)
        {
            throw new AlreadyExistsException($"{request.Name}: secret name in use");
        }

        var now = DateTimeOffset.UtcNow;
        var record = new SecretRecord(
            existing?.Id ?? NewId(all),
            request.Name,
            "file",
            driverOptions,
            request.Labels ?? new Dictionary<string, string>(),
            existing?.CreatedAt ?? now,
            now);
        await StoreDataAsync(record, request.Data, cancellationToken);
        all.RemoveAll(s => s.Id == record.Id);
        all.Add(record);
        await _store.WriteAllAsync(all, cancellationToken);
        await AppendEventAsync(existing is null ? "create" : "update", record, cancellationToken);
        return record;
    }

    public async Task<IReadOnlyList<SecretRecord>> ListAsync(
        IReadOnlyList<string> filters,
        CancellationToken cancellationToken)
    {
        var filter = SecretFilter.Parse(filters);
        using var held = await _store.LockAsync(cancellationToken);
        var all = await _store.ReadAllAsync(cancellationToken);
        return [.. all.Where(filter.Matches).OrderBy(s => s.CreatedAt)];
    }

    public async Task<SecretRecord> GetAsync(string nameOrId, CancellationToken cancellationToken)
    {
        using var held = await _store.LockAsync(cancellationToken);
        return Lookup(await _store.ReadAllAsync(cancellationToken), nameOrId);
    }

    public async Task<byte[]> ReadDataAsync(string nameOrId, CancellationToken cancellationToken)
    {
        using var held = await _store.LockAsync(cancellationToken);
        var record = Lookup(await _store.ReadAllAsync(cancellationToken), nameOrId);
        var data = await _store.ReadDataAsync(DriverPath(record), cancellationToken);
        return data.TryGetValue(record.Id, out var encoded)
            ? Convert.FromBase64String(encoded)
            : throw new NotFoundException($"no secret data with ID {record.Id}: no such secret");
    }

    public async Task<string> RemoveAsync(string nameOrId, CancellationToken cancellationToken)
    {
        using var held = await _store.LockAsync(cancellationToken);
        var all = await _store.ReadAllAsync(cancellationToken);
        var record = Lookup(all, nameOrId);
        var data = await _store.ReadDataAsync(DriverPath(record), cancellationToken);
        data.Remove(record.Id);
        await _store.WriteDataAsync(DriverPath(record), data, cancellationToken);
        all.RemoveAll(s => s.Id == record.Id);
        await _store.WriteAllAsync(all, cancellationToken);
        await AppendEventAsync("remove", record, cancellationToken);
        return record.Id;
    }

    public async Task<bool> ExistsAsync(string nameOrId, CancellationToken cancellationToken)
    {
        try
        {
            await GetAsync(nameOrId, cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    /// <summary>Podman's lookup: exact name, exact ID, then a unique ID prefix.</summary>
    private static SecretRecord Lookup(List<SecretRecord> all, string nameOrId)
    {
        var exact = all.Find(s => s.Name == nameOrId) ?? all.Find(s => s.Id == nameOrId);
        if (exact is not null)
        {
            return exact;
        }

        var prefixed = nameOrId.Length == 0
            ? []
            : all.FindAll(s => s.Id.StartsWith(nameOrId, StringComparison.Ordinal));
        return prefixed.Count switch
        {
            1 => prefixed[0],
            0 => throw new NotFoundException($"no secret with name or id \"{nameOrId}\": no such secret"),
            _ => throw new InvalidInputException($"more than one result secret with prefix {nameOrId}: secret is ambiguous"),
        };
    }

    private async Task StoreDataAsync(SecretRecord record, byte[] bytes, CancellationToken cancellationToken)
    {
        var data = await _store.ReadDataAsync(DriverPath(record), cancellationToken);
        data[record.Id] = Convert.ToBase64String(bytes);
        await _store.WriteDataAsync(DriverPath(record), data, cancellationToken);
    }

    private Dictionary<string, string> DriverOptionsOf(SecretCreateRequest request)
    {
        var result = new Dictionary<string, string>(request.DriverOptions ?? new Dictionary<string, string>());
        result.TryAdd("path", _store.FileDriverPath);
        return result;
    }

    private string DriverPath(SecretRecord record) =>
        record.DriverOptions.TryGetValue("path", out var path) ? path : _store.FileDriverPath;

    // Podman's IDs: 25 hex characters, unique among the secrets.
    private static string NewId(List<SecretRecord> all)
    {
        while (true)
        {
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(13))[..25];
            if (!all.Exists(s => s.Id.StartsWith(id, StringComparison.Ordinal)))
            {
                return id;
            }
        }
    }

    // Events name the secret by ID only, as Podman's do; never its data.
    private Task AppendEventAsync(string status, SecretRecord record, CancellationToken cancellationToken) =>
        events.AppendAsync(
            new EngineEvent("secret", status, record.Id, "", DateTimeOffset.UtcNow, new Dictionary<string, string>()),
            cancellationToken);
}
