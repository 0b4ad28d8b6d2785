using System.Runtime.InteropServices;
using CliWrap;
using CliWrap.Buffered;
using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Containers.Networking;

/// <summary>
/// Persistent network namespaces, bind-mounted at runroot/netns/netns-HEX (Podman's
/// netns-UUID naming, which inspect's SandboxKey shows) so they outlive the process that
/// made them and can be handed to the runtime and the backend.
/// </summary>
internal sealed partial class NetworkNamespaces(string runRoot)
{
    private const int MntDetach = 2;
    private const int Einval = 22;
    private const int Enoent = 2;
    private const string Prefix = "netns-";

    // What earlier versions named them: their leftovers are swept too.
    private const string OldPrefix = "modular-";

    // A namespace younger than this may belong to a start that has not recorded it yet.
    private static readonly TimeSpan LeftoverAge = TimeSpan.FromMinutes(1);

    public string Directory => Path.Combine(runRoot, "netns");

    /// <summary>Makes a namespace with loopback up and returns its path.</summary>
    /// <remarks>
    /// unshare(CLONE_NEWNET) affects only the calling thread's process; doing it in this
    /// multithreaded .NET process is unsafe, so a child (util-linux unshare) makes it,
    /// bind-mounts it on the file, and runs `ip link set lo up` inside it.
    /// </remarks>
    public async Task<string> CreateAsync(CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, Prefix + Convert.ToHexStringLower(KernelRandom.Bytes(8)));
        await File.WriteAllBytesAsync(path, [], cancellationToken);
        var result = await Cli.Wrap("unshare")
            .WithArguments(["--net=" + path, "ip", "link", "set", "lo", "up"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        if (result.ExitCode != 0)
        {
            Remove(path);
            throw new BackendException(
                $"creating network namespace {path}: {result.StandardError.Trim()}");
        }

        return path;
    }

    /// <summary>Unmounts and deletes a namespace file; a missing one is fine.</summary>
    public static void Remove(string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return;
        }

        // EINVAL: the file is not a mount point (never mounted, or unmounted already).
        if (umount2(path, MntDetach) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is not Einval and not Enoent)
            {
                throw new BackendException($"unmounting network namespace {path}: errno {errno}");
            }
        }

        File.Delete(path);
    }

    /// <summary>
    /// Removes namespaces no container records any more: left by a start that crashed
    /// between creating and recording it. Young ones are spared (see <see cref="LeftoverAge"/>).
    /// </summary>
    public void RemoveLeftovers(IReadOnlySet<string> inUse)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return;
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, Prefix + "*")
            .Concat(System.IO.Directory.EnumerateFiles(Directory, OldPrefix + "*")))
        {
            var age = DateTime.UtcNow - File.GetLastWriteTimeUtc(path);
            if (!inUse.Contains(path) && age > LeftoverAge)
            {
                Remove(path);
            }
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int umount2(string target, int flags);
}
