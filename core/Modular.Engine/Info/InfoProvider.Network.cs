namespace Modular.Engine.Info;

/// <summary>
/// Podman's <c>host.networkBackend</c> and <c>networkBackendInfo</c>: the configured backend
/// and its programs, found in the configured directories without loading the plugin, so
/// info answers even when networking is broken.
/// </summary>
public sealed partial class InfoProvider
{
    private async Task<InfoObject> DescribeNetworkBackendAsync(CancellationToken cancellationToken)
    {
        var network = options.Networking;
        var isCni = network.NetworkBackend == "cni";

        // CNI: the first plugin directory that holds the bridge plugin; netavark: its program.
        var path = isCni
            ? network.CniPluginDirs.FirstOrDefault(d => File.Exists(Path.Combine(d, "bridge"))) ?? ""
            : Find(network.HelperBinariesDir, "netavark");
        var dnsPath = isCni
            ? (path.Length > 0 && File.Exists(Path.Combine(path, "dnsname")) ? Path.Combine(path, "dnsname") : "")
            : Find(network.HelperBinariesDir, "aardvark-dns");

        return new InfoObject()
            .Add("Backend", "backend", network.NetworkBackend)
            .Add("Version", "version", isCni ? "" : await VersionOfAsync(path, cancellationToken))
            .Add("Package", "package", await PackageOfAsync(isCni ? Path.Combine(path, "bridge") : path, cancellationToken))
            .Add("Path", "path", path)
            .Add("DNS", "dns", new InfoObject()
                .Add("Version", "version", await VersionOfAsync(dnsPath, cancellationToken))
                .Add("Package", "package", await PackageOfAsync(dnsPath, cancellationToken))
                .Add("Path", "path", dnsPath));
    }

    // Podman's own list of drivers for the network plugins key.
    private static readonly string[] NetworkDrivers = ["bridge", "macvlan", "ipvlan"];

    private static string Find(IEnumerable<string> directories, string program) =>
        directories.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists) ?? "";

    private static async Task<string> VersionOfAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? await ProgramFacts.VersionAsync(path, cancellationToken) : "";

    private static async Task<string> PackageOfAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? await ProgramFacts.PackageAsync(path, cancellationToken) : "";
}
