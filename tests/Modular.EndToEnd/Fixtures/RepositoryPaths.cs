namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// Where the product under test lives: the staged modpod (env MODPOD, else
/// artifacts/stage/bin/modpod in this clone), its plugin folder (env MODPOD_PLUGINS,
/// else ../plugins next to the real modpod binary) and the test-only plugins that
/// scripts/build publishes but never installs (env MODPOD_TEST_PLUGINS).
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Modpod =>
        Environment.GetEnvironmentVariable("MODPOD") is { Length: > 0 } path
            ? path
            : Path.Combine(Root, "artifacts", "stage", "bin", "modpod");

    public static string Plugins =>
        Environment.GetEnvironmentVariable("MODPOD_PLUGINS") is { Length: > 0 } path
            ? path
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RealModpod())!, "..", "plugins"));

    public static string TestPlugins =>
        Environment.GetEnvironmentVariable("MODPOD_TEST_PLUGINS") is { Length: > 0 } path
            ? path
            : Path.Combine(Root, "artifacts", "stage", "test-plugins");

    private static string RealModpod()
    {
        var info = new FileInfo(Modpod);
        return info.Exists
            ? info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName
            : info.FullName;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Modular.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Modular.sln not found above " + AppContext.BaseDirectory);
    }
}
