using Modular.Contracts.Errors;

namespace Modular.Engine.Configuration;

/// <summary>
/// Merges storage.conf's options for the chosen driver with <c>--storage-opt</c> flags,
/// written as in Podman: <c>overlay.mountopt=nodev</c> or <c>mountopt=nodev</c>.
/// </summary>
internal static class StorageOptionFlags
{
    public static IReadOnlyDictionary<string, string> Merge(
        string driver,
        ConfigValues values,
        IReadOnlyList<string> flags)
    {
        var merged = new Dictionary<string, string>(
            values.DriverOptions.GetValueOrDefault(driver) ?? [],
            StringComparer.Ordinal);
        foreach (var flag in flags)
        {
            Apply(driver, merged, values, flag);
        }

        return merged;
    }

    private static void Apply(
        string driver,
        Dictionary<string, string> merged,
        ConfigValues values,
        string flag)
    {
        // As in Podman, an empty --storage-opt drops the options from the configuration.
        if (flag.Length == 0)
        {
            merged.Clear();
            return;
        }

        var equals = flag.IndexOf('=');
        if (equals <= 0)
        {
            throw new InvalidInputException($"invalid --storage-opt \"{flag}\": expected KEY=VALUE");
        }

        var key = flag[..equals];
        var dot = key.IndexOf('.');
        if (dot > 0)
        {
            if (key[..dot] != driver)
            {
                values.Warnings.Add($"ignoring --storage-opt \"{flag}\": it is not for driver \"{driver}\"");
                return;
            }

            key = key[(dot + 1)..];
        }

        merged[key] = flag[(equals + 1)..];
    }
}
