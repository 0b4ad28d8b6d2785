using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;
using Modular.Contracts.Runtime;

namespace Modular.Conformance.Runtime;

/// <summary>
/// A temp directory holding the runtime's state root, a helper directory and bundles with
/// a busybox root filesystem (from the host's static /bin/busybox). The runtime is driven
/// as conmon drives it: the executable and global arguments of
/// <see cref="IOciRuntime.Resolve"/>, then an OCI verb. DisposeAsync deletes every
/// container it made (forced), their cgroups, and the directory, even after a failure.
/// </summary>
public sealed class RuntimeSandbox : IAsyncDisposable
{
    public const string Busybox = "/bin/busybox";

    private readonly List<string> _containers = [];

    private RuntimeSandbox(IOciRuntime runtime, string root)
    {
        Runtime = runtime;
        Root = root;
        Context = new OciRuntimeContext(
            Path.Combine(root, "state"), "cgroupfs", [], Path.Combine(root, "helpers"));
        Directory.CreateDirectory(Context.StateRoot);
        Directory.CreateDirectory(Context.HelperDirectory);
        Command = runtime.Resolve(Context);
    }

    public IOciRuntime Runtime { get; }

    public string Root { get; }

    public OciRuntimeContext Context { get; }

    public OciRuntimeCommand Command { get; }

    public static RuntimeSandbox Create(IOciRuntime runtime) =>
        new(runtime, Directory.CreateTempSubdirectory("modular-runtime-kit-").FullName);

    /// <summary>A fresh container id, remembered for cleanup.</summary>
    public string NewId()
    {
        var id = "mrk-" + Guid.NewGuid().ToString("N")[..12];
        _containers.Add(id);
        return id;
    }

    /// <summary>Writes a bundle running <paramref name="args"/>; returns its directory.</summary>
    public string Bundle(string id, params string[] args)
    {
        var bundle = Path.Combine(Root, "bundles", id);
        var bin = Directory.CreateDirectory(Path.Combine(bundle, "rootfs", "bin")).FullName;
        foreach (var dir in new[] { "proc", "dev", "sys", "tmp", "etc" })
        {
            Directory.CreateDirectory(Path.Combine(bundle, "rootfs", dir));
        }

        File.Copy(Busybox, Path.Combine(bin, "busybox"));
        foreach (var applet in new[] { "sh", "echo", "sleep", "cat", "uname", "hostname" })
        {
            File.CreateSymbolicLink(Path.Combine(bin, applet), "busybox");
        }

        var spec = BundleSpec.For(id, args);
        File.WriteAllText(Path.Combine(bundle, "config.json"), spec.ToJsonString());
        return bundle;
    }

    /// <summary>Runs a verb in the foreground with captured output (run, state, delete ...).</summary>
    public async Task<BufferedCommandResult> VerbAsync(params string[] verbAndArgs)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Cli.Wrap(Command.Executable)
            .WithArguments([.. Command.GlobalArguments, .. verbAndArgs])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
    }

    /// <summary>
    /// <c>create</c> with the container's stdio on files, as conmon gives it pipes it
    /// owns: the runtime's own pipes must not be held open by the container.
    /// </summary>
    public async Task<int> CreateDetachedAsync(string id, string bundle)
    {
        var output = Path.Combine(Root, id + ".out");
        var quoted = string.Join(' ', new[] { Command.Executable }
            .Concat(Command.GlobalArguments)
            .Concat(["create", "--bundle", bundle, id])
            .Select(Quote));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await Cli.Wrap("/bin/sh")
            .WithArguments(["-c", $"exec {quoted} </dev/null >{Quote(output)} 2>&1"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(timeout.Token);
        return result.ExitCode;
    }

    /// <summary>The <c>status</c> of <c>state ID</c>, or null when the runtime knows no such id.</summary>
    public async Task<string?> StatusAsync(string id)
    {
        var result = await VerbAsync("state", id);
        if (result.ExitCode != 0)
        {
            return null;
        }

        using var state = JsonDocument.Parse(result.StandardOutput);
        return state.RootElement.GetProperty("status").GetString();
    }

    /// <summary>Polls the state until it is <paramref name="status"/> or a minute passed.</summary>
    public async Task<string?> WaitForStatusAsync(string id, string status)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        string? current;
        while ((current = await StatusAsync(id)) != status && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return current;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _containers)
        {
            await VerbAsync("delete", "--force", id);
        }

        foreach (var controller in Directory.EnumerateDirectories("/sys/fs/cgroup"))
        {
            // Only our parent, only when empty: rmdir refuses a cgroup with members.
            TryRemoveDirectory(Path.Combine(controller, BundleSpec.CgroupParent));
        }

        Directory.Delete(Root, recursive: true);
    }

    private static void TryRemoveDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path);
            }
        }
        catch (IOException)
        {
            // Still in use by a container of a parallel test; that test removes it.
        }
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";
}
