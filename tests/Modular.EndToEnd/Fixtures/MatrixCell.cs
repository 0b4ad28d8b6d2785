namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// The backend cell scripts/matrix runs the core subset in: MODPOD_TEST_RUNTIME,
/// MODPOD_TEST_DRIVER and MODPOD_TEST_NETWORK_BACKEND override the defaults (crun,
/// overlay, netavark) of every store whose test did not choose its own. The default cell
/// is the one the full suite runs.
/// </summary>
public static class MatrixCell
{
    /// <summary>The trait value of the core subset: <c>--filter Category=Matrix</c>.</summary>
    public const string Category = "Matrix";

    /// <summary>
    /// Network tests that already run once per backend (their fixture picks it): a cell runs
    /// only those of its own backend.
    /// </summary>
    public const string NetworkCategory = "MatrixNetwork";

    public static string Runtime => Get("MODPOD_TEST_RUNTIME") ?? "crun";

    public static string Driver => Get("MODPOD_TEST_DRIVER") ?? "overlay";

    /// <summary>The network backend to write into containers.conf, or null for the default.</summary>
    public static string? NetworkBackend => Get("MODPOD_TEST_NETWORK_BACKEND");

    private static string? Get(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
