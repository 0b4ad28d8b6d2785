using Modular.Contracts.Errors;

namespace Modular.Engine.Configuration;

/// <summary>
/// Read-only image stores, as containers/storage takes them: storage.conf's
/// <c>[storage.options] additionalimagestores</c> list, then <c>--storage-opt</c>
/// <c>additionalimagestore=DIR</c> (or <c>imagestore=</c>, with or without the driver
/// prefix; a comma separates several). Each is the graph root of another store.
/// </summary>
internal static class AdditionalImageStoreOptions
{
    private static readonly string[] Keys = ["additionalimagestore", "imagestore"];

    /// <summary>The driver options without the image-store keys, which are not the driver's.</summary>
    public static IReadOnlyDictionary<string, string> WithoutStores(
        IReadOnlyDictionary<string, string> merged) =>
        merged.Where(pair => !Keys.Contains(pair.Key))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    /// <exception cref="InvalidInputException">A path is relative, missing or not a directory.</exception>
    public static IReadOnlyList<string> Collect(
        string driver,
        ConfigValues values,
        IReadOnlyDictionary<string, string> merged)
    {
        var fromFlags = Keys.Where(merged.ContainsKey)
            .SelectMany(key => merged[key].Split(',', StringSplitOptions.RemoveEmptyEntries));
        var stores = new List<string>();
        foreach (var store in (values.AdditionalImageStores ?? []).Concat(fromFlags))
        {
            var path = Checked(driver, store);
            if (!stores.Contains(path))
            {
                stores.Add(path);
            }
        }

        return stores;
    }

    // The words are containers/storage's, so a script matching Podman's error still matches.
    private static string Checked(string driver, string store)
    {
        if (!Path.IsPathRooted(store))
        {
            throw new InvalidInputException(
                $"{driver}: image path \"{store}\" is not absolute.  Can not be relative");
        }

        var path = Path.GetFullPath(store);
        if (File.Exists(path))
        {
            throw new InvalidInputException($"{driver}: image path \"{path}\" must be a directory");
        }

        return Directory.Exists(path)
            ? path
            : throw new InvalidInputException(
                $"{driver}: can't stat imageStore dir {path}: stat {path}: no such file or directory");
    }
}
