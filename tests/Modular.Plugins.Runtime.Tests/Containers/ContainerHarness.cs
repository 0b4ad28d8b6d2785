using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Modular.Engine.Configuration;
using Modular.Engine.Containers;

namespace Modular.Plugins.Runtime.Tests.Containers;

/// <summary>
/// One test's own store (temp graphroot and runroot), a real ContainerService with real
/// conmon and runtimes, and a cleanup that removes every container it made, even after a
/// failed test.
/// </summary>
public sealed class ContainerHarness : IAsyncDisposable
{
    public static readonly string[] DefaultCapabilities =
    [
        "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "NET_BIND_SERVICE", "SETFCAP",
        "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    ];

    public ContainerHarness(string runtime = "crun", string? directory = null)
    {
        Directory = directory ?? System.IO.Directory.CreateTempSubdirectory("modular-ct-").FullName;
        Options = new EngineOptions
        {
            GraphRoot = Path.Combine(Directory, "graph"),
            RunRoot = Path.Combine(Directory, "run"),
            StorageDriver = "vfs",
            Runtime = runtime,
            CgroupManager = "cgroupfs",
            DefaultCapabilities = DefaultCapabilities,
            DefaultUlimits = ["nofile=1024:2048"],
            HelperDirectory = Path.Combine(Directory, "helpers"),
            GlobalArguments = ["--root", Path.Combine(Directory, "graph")],
        };
        ExitCommandLog = Path.Combine(Directory, "exit-command.log");
        Service = new ContainerService(
            Options,
            new FakeRuntimeRegistry(),
            Events,
            NullLogger<ContainerService>.Instance,
            new ContainerServiceOptions(WriteFakeExitCommand()));
    }

    public string Directory { get; }
    public EngineOptions Options { get; }
    public FakeEventLog Events { get; } = new();
    public ContainerService Service { get; }
    public string ExitCommandLog { get; }

    /// <summary>Creates and runs attached; returns exit code and output.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(CreateContainerRequest request)
    {
        var created = await Service.CreateAsync(request with { Attach = true }, CancellationToken.None);
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var code = await Service.StartAttachedAsync(created.Id, stdout, stderr, CancellationToken.None);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var container in await Service.ListAsync(all: true, CancellationToken.None))
            {
                await Service.RemoveAsync(container.Id, force: true, timeoutSeconds: 0, CancellationToken.None);
            }
        }
        finally
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    // Stands in for `modpod container cleanup`: the test host is not modpod, so conmon's exit
    // command only records its arguments and the tests call CleanupAsync themselves.
    private string WriteFakeExitCommand()
    {
        var path = Path.Combine(Directory, "fake-exit-command");
        File.WriteAllText(path, $"#!/bin/sh\necho \"$@\" >> '{ExitCommandLog}'\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
