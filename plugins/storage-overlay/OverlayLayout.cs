using Modular.Contracts.Errors;

namespace Modular.Plugins.Storage.Overlay;

/// <summary>
/// Where an overlay layer lives: <c>&lt;home&gt;/&lt;id&gt;/{diff,work,merged,empty}</c>, a
/// <c>link</c> file with its short name (<c>&lt;home&gt;/l/&lt;short&gt;</c> points at its diff,
/// keeping the mount option string short), and a <c>lower</c> file listing the parents'
/// short names, top-down, separated by ':'.
/// </summary>
internal sealed class OverlayLayout(string home)
{
    private const string ShortAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public string Home => home;

    public string Layer(string id) => Path.Combine(home, LayerId.Check(id));

    public string Diff(string id) => Path.Combine(Layer(id), "diff");

    public string Work(string id) => Path.Combine(Layer(id), "work");

    public string Merged(string id) => Path.Combine(Layer(id), "merged");

    public string Empty(string id) => Path.Combine(Layer(id), "empty");

    public string ShortLink(string shortName) => Path.Combine(home, "l", shortName);

    public static string NewShortName() => DeviceRandom.String(ShortAlphabet, 26);

    public string ShortName(string id) => File.ReadAllText(Path.Combine(Layer(id), "link")).Trim();

    /// <summary>The lower layers' diff paths (through their short links), top-down.</summary>
    public IReadOnlyList<string> Lowers(string id)
    {
        var file = Path.Combine(Layer(id), "lower");
        if (!File.Exists(file))
        {
            return [];
        }

        return File.ReadAllText(file).Trim()
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(name => ShortLink(name))
            .ToList();
    }

    public string LowerChain(string id)
    {
        var file = Path.Combine(Layer(id), "lower");
        return File.Exists(file) ? File.ReadAllText(file).Trim() : string.Empty;
    }

    public string ExistingLayer(string id)
    {
        var diff = Diff(id);
        return Directory.Exists(diff)
            ? diff
            : throw new NotFoundException($"overlay layer {id} not found");
    }
}
