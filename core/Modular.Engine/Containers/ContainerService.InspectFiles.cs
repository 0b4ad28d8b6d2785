namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// The path of a file the container gets (resolv.conf, hostname, hosts) once it was
    /// written, else empty: as Podman, which names them only from init on, and never a
    /// hosts file under --no-hosts.
    /// </summary>
    private static string WrittenOrEmpty(string path) => File.Exists(path) ? path : "";
}
