namespace Modular.Contracts.Plugins;

/// <summary>
/// The version of these contracts. It stays at 0.x, and may change shape between minor
/// versions, until the plugin-ecosystem issue freezes it; a plugin whose manifest names
/// another major.minor is skipped with a reason rather than loaded.
/// </summary>
public static class ContractsVersion
{
    public const string Current = "0.1";
}
