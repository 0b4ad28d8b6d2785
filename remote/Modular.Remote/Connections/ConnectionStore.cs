using Modular.Contracts.Errors;

namespace Modular.Remote.Connections;

/// <summary>
/// Reads and edits the connections, as Podman's <c>system connection</c> commands do. Edits
/// hold an exclusive lock on "podman-connections.json.lock", Podman's lock file, so two
/// writers never lose each other's change.
/// </summary>
public sealed class ConnectionStore(string path)
{
    public ConnectionStore()
        : this(ConnectionsFile.DefaultPath())
    {
    }

    public string Path { get; } = path;

    /// <summary>Every connection, sorted by name as <c>system connection ls</c> prints them.</summary>
    public IReadOnlyList<Connection> List()
    {
        var file = ConnectionsFile.Read(Path);
        return file.Destinations
            .Select(pair => new Connection(pair.Key, pair.Value, pair.Key == file.Default, true))
            .OrderBy(connection => connection.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The named connection; the default one when <paramref name="name"/> is null.</summary>
    public Connection Find(string? name)
    {
        var file = ConnectionsFile.Read(Path);
        if (name is null)
        {
            name = file.Default;
            if (name.Length == 0)
            {
                throw new NotFoundException("no default connection found");
            }
        }

        return file.Destinations.TryGetValue(name, out var destination)
            ? new Connection(name, destination, name == file.Default, true)
            : throw new NotFoundException($"connection \"{name}\" not found");
    }

    /// <summary>The default connection, or null when none is set.</summary>
    public Connection? FindDefault()
    {
        var file = ConnectionsFile.Read(Path);
        return file.Default.Length > 0 && file.Destinations.TryGetValue(file.Default, out var destination)
            ? new Connection(file.Default, destination, true, true)
            : null;
    }

    public void Edit(Action<ConnectionsFile> change)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var gate = new FileStream(
            Path + ".lock",
            FileMode.OpenOrCreate,
            FileAccess.ReadWrite,
            FileShare.None);
        var file = ConnectionsFile.Read(Path);
        change(file);
        file.Write();
    }

    /// <summary>Podman's words when a command names a connection nobody added.</summary>
    public static NotFoundException NotDefined(string name) =>
        new($"\"{name}\" destination is not defined. "
            + "See \"podman system connection add ...\" to create a connection");
}
