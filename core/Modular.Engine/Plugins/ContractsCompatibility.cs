using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Modular.Contracts.Plugins;

namespace Modular.Engine.Plugins;

/// <summary>
/// Semantic-version rules between a plugin and these contracts: the same major, and a minor
/// no newer than ours. Read from the manifest and from the assembly's reference to
/// Modular.Contracts (metadata only: no plugin code runs before it is accepted).
/// </summary>
public static class ContractsCompatibility
{
    private const string ContractsAssemblyName = "Modular.Contracts";

    /// <summary>
    /// Null when a plugin built for <paramref name="builtFor"/> may load; otherwise the one
    /// line that names the plugin and both versions.
    /// </summary>
    public static string? Refusal(string kind, string ids, string builtFor)
    {
        var plugin = $"{kind} plugin \"{ids}\" was built for contracts {builtFor}, "
            + $"this engine has {ContractsVersion.Current}";
        if (Parse(builtFor) is not var (major, minor))
        {
            return $"{kind} plugin \"{ids}\": contracts version \"{builtFor}\" is not major.minor[.patch]";
        }

        if (major != ContractsVersion.Major)
        {
            return plugin + ": incompatible major version";
        }

        return minor > ContractsVersion.Minor ? plugin + ": it needs a newer engine" : null;
    }

    /// <summary>Refusal for the contracts version the assembly was compiled against, if any.</summary>
    public static string? AssemblyRefusal(string kind, string ids, string assemblyPath)
    {
        var referenced = ReferencedContracts(assemblyPath);
        if (referenced is null || referenced.Major == ContractsVersion.Major)
        {
            return null;
        }

        return $"{kind} plugin \"{ids}\" references Modular.Contracts {referenced.ToString(3)}, "
            + $"this engine has {ContractsVersion.Current}: incompatible major version";
    }

    private static (int Major, int Minor)? Parse(string version)
    {
        var parts = version.Split('.');
        if (parts.Length is < 2 or > 3 || parts.Any(p => !int.TryParse(p, out var n) || n < 0))
        {
            return null;
        }

        return (int.Parse(parts[0]), int.Parse(parts[1]));
    }

    private static Version? ReferencedContracts(string assemblyPath)
    {
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return null;
            }

            var metadata = pe.GetMetadataReader();
            return metadata.AssemblyReferences
                .Select(metadata.GetAssemblyReference)
                .Where(r => metadata.GetString(r.Name) == ContractsAssemblyName)
                .Select(r => r.Version)
                .FirstOrDefault();
        }
        catch (BadImageFormatException)
        {
            // Not an assembly: loading it fails later with its own error, shown as "failed".
            return null;
        }
    }
}
