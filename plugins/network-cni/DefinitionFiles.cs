using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Modular.Contracts.Network;

namespace Modular.Plugins.Network.Cni;

/// <summary>Reading and writing network definition files, one per network, atomically.</summary>
internal static class DefinitionFiles
{
    /// <summary>
    /// Podman writes its network files indented, with '+' and '&lt;' as themselves; so do we,
    /// for people reading them. The relaxed encoder is safe here: these files are never
    /// embedded in HTML.
    /// </summary>
    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<IReadOnlyList<NetworkDefinition>> LoadAsync(
        string directory,
        string pattern,
        Func<string, string, NetworkDefinition> read,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var networks = new List<NetworkDefinition>();
        foreach (var path in Directory.EnumerateFiles(directory, pattern).Order(StringComparer.Ordinal))
        {
            try
            {
                networks.Add(read(path, await File.ReadAllTextAsync(path, cancellationToken)));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException
                                          or IOException or KeyNotFoundException)
            {
                NetworkLog.SkippedFile(logger, path, e.Message);
            }
        }

        return networks;
    }

    /// <summary>Writes through a temporary file so a reader never sees half a definition.</summary>
    public static async Task WriteAsync(string path, string text, CancellationToken cancellationToken)
    {
        // A definition path is always a file inside the configuration directory.
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, text + "\n", cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
