namespace Modular.Engine.Spec;

/// <summary>
/// The files the engine writes for a container in its userdata directory and binds into
/// it: /etc/hosts, /etc/resolv.conf, /etc/hostname and /run/.containerenv.
/// </summary>
public sealed record ContainerFiles(string Directory)
{
    public string HostsPath => Path.Combine(Directory, "hosts");
    public string ResolvConfPath => Path.Combine(Directory, "resolv.conf");
    public string HostnamePath => Path.Combine(Directory, "hostname");
    public string ContainerEnvPath => Path.Combine(Directory, ".containerenv");

    /// <summary>Writes all four files for a container.</summary>
    public async Task WriteAsync(
        string id,
        string name,
        string hostname,
        string image,
        string imageId,
        bool privileged,
        CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await File.WriteAllTextAsync(HostnamePath, hostname + "\n", cancellationToken);
        await File.WriteAllTextAsync(
            HostsPath,
            "127.0.0.1\tlocalhost localhost.localdomain localhost4 localhost4.localdomain4\n"
            + "::1\tlocalhost localhost.localdomain localhost6 localhost6.localdomain6\n"
            + $"127.0.1.1\t{hostname} {name}\n",
            cancellationToken);
        await File.WriteAllTextAsync(ResolvConfPath, await HostResolvConfAsync(cancellationToken), cancellationToken);
        await File.WriteAllTextAsync(
            ContainerEnvPath,
            privileged ? ContainerEnvContent(id, name, image, imageId) : "",
            cancellationToken);
    }

    // As Podman, only a privileged container learns about its engine and itself; others
    // get an empty file that says "in a container" and nothing more. The engine keeps
    // Modular's own name (Issue #9's product-name rule).
    private static string ContainerEnvContent(string id, string name, string image, string imageId) =>
        $"engine=\"modular-{Info.ProductVersion.Version}\"\nname=\"{name}\"\nid=\"{id}\"\n"
        + $"image=\"{image}\"\nimageid=\"{imageId}\"\nrootless=0\n";

    // A copy of the host's resolver settings; an empty file when the host has none, so the
    // bind mount always has a source.
    private static async Task<string> HostResolvConfAsync(CancellationToken cancellationToken)
    {
        const string hostPath = "/etc/resolv.conf";
        return File.Exists(hostPath) ? await File.ReadAllTextAsync(hostPath, cancellationToken) : "";
    }
}
