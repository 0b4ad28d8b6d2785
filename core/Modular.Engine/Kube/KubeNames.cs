namespace Modular.Engine.Kube;

/// <summary>Names as Kubernetes accepts them, made the way Podman makes them.</summary>
internal static class KubeNames
{
    /// <summary>A container or pod name without underscores.</summary>
    public static string Clean(string name) => name.Replace("_", "", StringComparison.Ordinal);

    /// <summary>A path or volume name as a volume name: /mnt/data_1/ becomes mnt-data-1.</summary>
    public static string Volume(string source) => source.Trim('/')
        .Replace('/', '-')
        .Replace('.', '-')
        .Replace('_', '-')
        .ToLowerInvariant();
}
