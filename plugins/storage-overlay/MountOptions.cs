namespace Modular.Plugins.Storage.Overlay;

/// <summary>
/// Splits a storage.conf <c>mountopt</c> string the way mount(8) does: generic words
/// (nodev, nosuid, ...) become mount(2) flags, the rest stays filesystem data.
/// </summary>
internal sealed record MountOptions(ulong Flags, string Data, string Original)
{
    private static readonly Dictionary<string, ulong> FlagWords = new(StringComparer.Ordinal)
    {
        ["ro"] = 1,
        ["nosuid"] = 2,
        ["nodev"] = 4,
        ["noexec"] = 8,
        ["sync"] = 16,
        ["noatime"] = 1024,
        ["nodiratime"] = 2048,
        ["relatime"] = 1UL << 21,
        ["rw"] = 0,
    };

    public static MountOptions Parse(string text)
    {
        var flags = 0UL;
        var data = new List<string>();
        var words = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var word in words)
        {
            if (FlagWords.TryGetValue(word, out var flag))
            {
                flags |= flag;
            }
            else
            {
                data.Add(word);
            }
        }

        return new MountOptions(flags, string.Join(',', data), text.Trim());
    }
}
