using Modular.Contracts.Errors;
using Modular.Plugins.Storage.Overlay.Native;

namespace Modular.Plugins.Storage.Overlay;

/// <summary>
/// Where an overlay layer lives: <c>&lt;home&gt;/&lt;id&gt;/{diff,work,merged,empty}</c>, a
/// <c>link</c> file with its short name (<c>&lt;home&gt;/l/&lt;short&gt;</c> points at its diff,
/// keeping the mount option string short), and a <c>lower</c> file listing the parents'
/// short names, top-down, separated by ':'. Read-only homes (additional image stores) are
/// searched after this one for parents and lowers, as containers/storage does; every path
/// this type hands out for writing is in <paramref name="home"/>.
/// </summary>
internal sealed class OverlayLayout(string home, IReadOnlyList<string>? readOnlyHomes = null)
{
    private readonly IReadOnlyList<string> _readOnlyHomes = readOnlyHomes ?? [];

    private const string ShortAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public string Home => home;

    public string Layer(string id) => Path.Combine(home, LayerId.Check(id));

    public string Diff(string id) => Path.Combine(Layer(id), "diff");

    public string Work(string id) => Path.Combine(Layer(id), "work");

    public string Merged(string id) => Path.Combine(Layer(id), "merged");

    public string Empty(string id) => Path.Combine(Layer(id), "empty");

    public string ShortLink(string shortName) => Path.Combine(home, "l", shortName);

    public static string NewShortName() => DeviceRandom.String(ShortAlphabet, 26);

    public string ShortName(string id) =>
        File.ReadAllText(Path.Combine(FoundLayer(id), "link")).Trim();

    /// <summary>The lower layers' diff paths (through their short links), top-down.</summary>
    public IReadOnlyList<string> Lowers(string id)
    {
        var file = Path.Combine(FoundLayer(id), "lower");
        if (!File.Exists(file))
        {
            return [];
        }

        return File.ReadAllText(file).Trim()
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(FoundShortLink)
            .ToList();
    }

    public string LowerChain(string id)
    {
        var file = Path.Combine(FoundLayer(id), "lower");
        return File.Exists(file) ? File.ReadAllText(file).Trim() : string.Empty;
    }

    /// <summary>The diff of a layer of this store, the only kind that may be written or mounted.</summary>
    public string ExistingLayer(string id)
    {
        var diff = Diff(id);
        if (Directory.Exists(diff))
        {
            return diff;
        }

        throw IsReadOnly(id)
            ? new InvalidInputException(
                $"overlay layer {id} is in a read-only image store: it cannot be written or mounted")
            : new NotFoundException($"overlay layer {id} not found");
    }

    /// <summary>The diff of a layer of this store or of a read-only one, for reading only.</summary>
    public string ReadableLayer(string id) =>
        Directory.Exists(Diff(id)) ? Diff(id) : Path.Combine(FoundLayer(id), "diff");

    private bool IsReadOnly(string id) =>
        _readOnlyHomes.Any(ro => Directory.Exists(Path.Combine(ro, LayerId.Check(id), "diff")));

    /// <summary>The layer's directory here, else in the first read-only home that has it.</summary>
    private string FoundLayer(string id)
    {
        var own = Layer(id);
        if (Directory.Exists(own))
        {
            return own;
        }

        return _readOnlyHomes.Select(ro => Path.Combine(ro, LayerId.Check(id)))
            .FirstOrDefault(Directory.Exists)
            ?? throw new NotFoundException($"overlay layer {id} not found");
    }

    // A layer made on top of a read-only store's layer lists that store's short names.
    private string FoundShortLink(string shortName)
    {
        var own = ShortLink(shortName);
        return FileStat.Lstat(own) is not null
            ? own
            : _readOnlyHomes.Select(ro => Path.Combine(ro, "l", shortName))
                .FirstOrDefault(link => FileStat.Lstat(link) is not null) ?? own;
    }
}
