namespace Modular.Contracts.Plugins;

/// <summary>
/// The semantic version of these contracts, as the <c>ContractsVersion</c> property of the
/// project sets it (a test checks the two agree). A plugin's manifest names the version it
/// was built against in <c>contracts</c>; the host loads it when the major versions are equal
/// and the plugin's minor is not newer than the host's, and skips it with a reason otherwise.
/// </summary>
public static class ContractsVersion
{
    /// <summary>major.minor.patch of this build of the contracts.</summary>
    public const string Current = "1.0.0";

    /// <summary>Plugins built against another major version are refused.</summary>
    public const int Major = 1;

    /// <summary>Plugins built against a newer minor version are refused.</summary>
    public const int Minor = 0;
}
