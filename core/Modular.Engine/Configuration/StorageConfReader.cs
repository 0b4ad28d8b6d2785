using Tomlyn.Model;

namespace Modular.Engine.Configuration;

/// <summary>Reads storage.conf's <c>[storage]</c> table with containers/storage's meaning.</summary>
internal static class StorageConfReader
{
    private static readonly HashSet<string> KnownStorageKeys = ["driver", "graphroot", "runroot", "options"];

    public static void Apply(TomlFile file, ConfigValues values)
    {
        ContainersConfReader.WarnUnknownSections(file, values, "storage");
        var storage = file.Table("storage");
        if (storage is null)
        {
            return;
        }

        ContainersConfReader.WarnUnknownKeys(file, values, storage, "storage", KnownStorageKeys);
        values.StorageDriver = NonEmpty(file.GetString(storage, "storage", "driver")) ?? values.StorageDriver;
        values.GraphRoot = NonEmpty(file.GetString(storage, "storage", "graphroot")) ?? values.GraphRoot;
        values.RunRoot = NonEmpty(file.GetString(storage, "storage", "runroot")) ?? values.RunRoot;
        ApplyDriverOptions(file, values);
    }

    // [storage.options] holds general keys (additionalimagestores; others ignored for now)
    // and one sub-table per driver.
    private static void ApplyDriverOptions(TomlFile file, ConfigValues values)
    {
        foreach (var (key, value) in file.Table("storage.options") ?? [])
        {
            if (key == "additionalimagestores")
            {
                values.AdditionalImageStores =
                    file.ToStringList(value, "storage.options.additionalimagestores");
                continue;
            }

            if (value is not TomlTable driverTable)
            {
                values.Warnings.Add($"{file.Path}: ignoring unsupported key \"storage.options.{key}\"");
                continue;
            }

            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (option, optionValue) in driverTable)
            {
                options[option] = file.ToText(optionValue, $"storage.options.{key}.{option}");
            }

            values.DriverOptions[key] = options;
        }
    }

    // containers/storage treats an empty string as "use the default".
    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
