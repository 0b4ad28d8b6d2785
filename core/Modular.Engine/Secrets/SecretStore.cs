using System.Text.Json;
using Modular.Engine.Locking;

namespace Modular.Engine.Secrets;

/// <summary>
/// Podman's layout in Modular's store: metadata in graphroot/secrets/secrets.json and the
/// file driver's data in graphroot/secrets/filedriver/secretsdata.json (ID to base64).
/// Both are written 0600 in 0700 directories: only root may read secret data. A flock
/// (graphroot/secrets/secrets.lock) serialises every read-modify-write.
/// </summary>
public sealed class SecretStore(string graphRoot)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
    };

    public string Root { get; } = Path.Combine(graphRoot, "secrets");

    /// <summary>Where the file driver keeps data unless the driver's path option says otherwise.</summary>
    public string FileDriverPath => Path.Combine(Root, "filedriver");

    private string MetadataPath => Path.Combine(Root, "secrets.json");

    public async Task<FileLock> LockAsync(CancellationToken cancellationToken)
    {
        CreatePrivateDirectory(Root);
        return await FileLock.AcquireAsync(Path.Combine(Root, "secrets.lock"), cancellationToken);
    }

    public async Task<List<SecretRecord>> ReadAllAsync(CancellationToken cancellationToken) =>
        await ReadAsync<List<SecretRecord>>(MetadataPath, cancellationToken) ?? [];

    public Task WriteAllAsync(List<SecretRecord> records, CancellationToken cancellationToken) =>
        WriteAsync(MetadataPath, records, cancellationToken);

    public async Task<Dictionary<string, string>> ReadDataAsync(
        string driverPath,
        CancellationToken cancellationToken) =>
        await ReadAsync<Dictionary<string, string>>(DataPath(driverPath), cancellationToken) ?? [];

    public Task WriteDataAsync(
        string driverPath,
        Dictionary<string, string> data,
        CancellationToken cancellationToken)
    {
        CreatePrivateDirectory(driverPath);
        return WriteAsync(DataPath(driverPath), data, cancellationToken);
    }

    private static string DataPath(string driverPath) => Path.Combine(driverPath, "secretsdata.json");

    private static async Task<T?> ReadAsync<T>(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return default;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, Json, cancellationToken);
    }

    // Written to a 0600 temp file and renamed, so a crash never leaves half a database and
    // the data is never readable by others, not even for a moment.
    private static async Task WriteAsync<T>(string path, T value, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        await using (var stream = new FileStream(temp, options))
        {
            await JsonSerializer.SerializeAsync(stream, value, Json, cancellationToken);
        }

        File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path, overwrite: true);
    }

    private static void CreatePrivateDirectory(string path) =>
        Directory.CreateDirectory(
            path,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
}
