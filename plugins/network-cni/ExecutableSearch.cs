using Modular.Contracts.Errors;

namespace Modular.Plugins.Network.Cni;

/// <summary>Finds a helper program in the configured directories, then in the defaults.</summary>
internal static class ExecutableSearch
{
    public static string? TryFind(string name, IEnumerable<string> directories) =>
        directories
            .Where(dir => !string.IsNullOrEmpty(dir))
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    public static string Find(string name, IReadOnlyList<string> directories) =>
        TryFind(name, directories)
        ?? throw new CapabilityMissingException(
            $"could not find \"{name}\" in one of [{string.Join(" ", directories)}]");
}
