using System.Net;
using System.Net.Sockets;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>
/// Debian's sshd as a process of the test's own: 127.0.0.1 on a free port, with a host key,
/// client key, authorized_keys and config made in a temp directory, PATH leading to the
/// staged modpod. The system's sshd configuration and root's ~/.ssh are never read or
/// written (the client's HOME is the temp directory too). Stopped by PID.
/// </summary>
public sealed class SshdFixture : IAsyncLifetime
{
    private const string Sshd = "/usr/sbin/sshd";
    private const string PrivilegeDirectory = "/run/sshd";

    private int _pid;
    private Task<BufferedCommandResult>? _sshd;
    private bool _createdPrivilegeDirectory;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("modpod-sshd-").FullName;

    public int Port { get; private set; }

    public string ClientKey => Path.Combine(Directory, "client_key");

    public string Home => Path.Combine(Directory, "home");

    public static bool Available => File.Exists(Sshd);

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        Port = FreePort();
        await KeyAsync("host_key");
        await KeyAsync("client_key");
        File.Copy(ClientKey + ".pub", Path.Combine(Directory, "authorized_keys"));
        await WriteKnownHostsAsync();
        await File.WriteAllTextAsync(Path.Combine(Directory, "sshd_config"), Config());

        // sshd insists on its privilege-separation directory; Debian's service makes it at
        // start, which never happened here. Made empty and removed again if it was absent.
        if (!System.IO.Directory.Exists(PrivilegeDirectory))
        {
            System.IO.Directory.CreateDirectory(PrivilegeDirectory);
            _createdPrivilegeDirectory = true;
        }

        var task = Cli.Wrap(Sshd)
            .WithArguments(["-D", "-e", "-f", Path.Combine(Directory, "sshd_config")])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        (_pid, _sshd) = (task.ProcessId, task.Task);
        await WaitListeningAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_pid > 0)
            {
                using var process = System.Diagnostics.Process.GetProcessById(_pid);
                process.Kill();
                await (_sshd ?? Task.CompletedTask);
            }
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        finally
        {
            if (_createdPrivilegeDirectory)
            {
                System.IO.Directory.Delete(PrivilegeDirectory);
            }

            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private string Config()
    {
        var bin = Path.GetDirectoryName(RepositoryPaths.Modpod)!;
        return $"""
            Port {Port}
            ListenAddress 127.0.0.1
            HostKey {Path.Combine(Directory, "host_key")}
            AuthorizedKeysFile {Path.Combine(Directory, "authorized_keys")}
            PidFile {Path.Combine(Directory, "sshd.pid")}
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            SetEnv PATH={bin}:/usr/sbin:/usr/bin:/sbin:/bin

            """;
    }

    private async Task KeyAsync(string name) =>
        await Cli.Wrap("ssh-keygen")
            .WithArguments(["-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(Directory, name)])
            .ExecuteBufferedAsync();

    private async Task WriteKnownHostsAsync()
    {
        var hostKey = (await File.ReadAllTextAsync(Path.Combine(Directory, "host_key.pub"))).Split(' ');
        System.IO.Directory.CreateDirectory(Path.Combine(Home, ".ssh"));
        await File.WriteAllTextAsync(
            Path.Combine(Home, ".ssh", "known_hosts"),
            $"[127.0.0.1]:{Port} {hostKey[0]} {hostKey[1]}\n");
    }

    private async Task WaitListeningAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        var log = _sshd is { IsCompleted: true } ? (await _sshd).StandardError : "";
        throw new InvalidOperationException($"sshd did not listen on 127.0.0.1:{Port}: {log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
