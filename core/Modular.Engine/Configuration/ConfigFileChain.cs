using Modular.Contracts.Errors;

namespace Modular.Engine.Configuration;

/// <summary>
/// Which configuration files are read, in order (later wins). Modular's own files live in
/// /usr/share/modular, /etc/modular and ~/.config/modular; Podman never reads them.
/// </summary>
internal static class ConfigFileChain
{
    public static IReadOnlyList<string> ContainersConf(ConfigSources sources)
    {
        var files = new List<string>();
        var replacement = sources.GetVariable(ConfigEnvironmentVariables.ContainersConf);
        if (!string.IsNullOrEmpty(replacement))
        {
            // As in Podman, CONTAINERS_CONF replaces the whole chain and must exist.
            files.Add(RequireFile(ConfigEnvironmentVariables.ContainersConf, replacement));
        }
        else
        {
            AddIfExists(files, Path.Combine(sources.ShareDirectory, "containers.conf"));
            AddIfExists(files, Path.Combine(sources.EtcDirectory, "containers.conf"));
            files.AddRange(DropIns(Path.Combine(sources.EtcDirectory, "containers.conf.d")));
            AddUserFiles(files, sources);
        }

        var overrideFile = sources.GetVariable(ConfigEnvironmentVariables.ContainersConfOverride);
        if (!string.IsNullOrEmpty(overrideFile))
        {
            files.Add(RequireFile(ConfigEnvironmentVariables.ContainersConfOverride, overrideFile));
        }

        return files;
    }

    public static string? StorageConf(ConfigSources sources)
    {
        var chosen = sources.GetVariable(ConfigEnvironmentVariables.StorageConf);
        if (!string.IsNullOrEmpty(chosen))
        {
            return RequireFile(ConfigEnvironmentVariables.StorageConf, chosen);
        }

        return new[]
        {
            Path.Combine(sources.EtcDirectory, "storage.conf"),
            Path.Combine(sources.ShareDirectory, "storage.conf"),
        }.FirstOrDefault(File.Exists);
    }

    public static IReadOnlyList<string> ModularConf(ConfigSources sources)
    {
        var chosen = sources.GetVariable(ConfigEnvironmentVariables.ModularConf);
        if (!string.IsNullOrEmpty(chosen))
        {
            return [RequireFile(ConfigEnvironmentVariables.ModularConf, chosen)];
        }

        var files = new List<string>();
        AddIfExists(files, Path.Combine(sources.ShareDirectory, "modular.conf"));
        AddIfExists(files, Path.Combine(sources.EtcDirectory, "modular.conf"));
        if (sources.UserConfigDirectory is { } user)
        {
            AddIfExists(files, Path.Combine(user, "modular.conf"));
        }

        return files;
    }

    // A user's own containers.conf only counts for non-root users, as in Podman.
    private static void AddUserFiles(List<string> files, ConfigSources sources)
    {
        if (sources.IsRoot || sources.UserConfigDirectory is not { } user)
        {
            return;
        }

        AddIfExists(files, Path.Combine(user, "containers.conf"));
        files.AddRange(DropIns(Path.Combine(user, "containers.conf.d")));
    }

    private static IEnumerable<string> DropIns(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.conf").Order(StringComparer.Ordinal)
            : [];

    private static void AddIfExists(List<string> files, string path)
    {
        if (File.Exists(path))
        {
            files.Add(path);
        }
    }

    private static string RequireFile(string variable, string path) =>
        File.Exists(path)
            ? Path.GetFullPath(path)
            : throw new InvalidInputException($"{variable} file: stat {path}: no such file or directory");
}
