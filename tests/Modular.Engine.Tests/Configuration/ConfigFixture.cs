using Modular.Engine.Configuration;

namespace Modular.Engine.Tests.Configuration;

/// <summary>
/// A private set of configuration folders (share, etc, home) and environment, removed on
/// dispose, so tests never read the machine's /etc/modular.
/// </summary>
public sealed class ConfigFixture : IDisposable
{
    public ConfigFixture()
    {
        Root = Directory.CreateTempSubdirectory("modular-config-").FullName;
        Directory.CreateDirectory(Share);
        Directory.CreateDirectory(Etc);
        Directory.CreateDirectory(Home);
        File.WriteAllText(InitComm, "init\n");
    }

    public string Root { get; }

    public string Share => Path.Combine(Root, "share");

    public string Etc => Path.Combine(Root, "etc");

    public string Home => Path.Combine(Root, "home");

    public string InitComm => Path.Combine(Root, "comm");

    public Dictionary<string, string> Environment { get; } = [];

    public bool IsRoot { get; set; } = true;

    public ConfigSources Sources => new(
        name => Environment.GetValueOrDefault(name),
        Home,
        IsRoot,
        Share,
        Etc,
        InitComm);

    /// <summary>Writes a file under the fixture root and returns its path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public ConfigurationResult Load(GlobalFlags? flags = null) =>
        ConfigurationLoader.Load(flags ?? new GlobalFlags(), Sources);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
