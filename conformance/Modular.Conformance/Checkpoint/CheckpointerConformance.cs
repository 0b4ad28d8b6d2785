using System.Text.RegularExpressions;
using CliWrap;
using Modular.Contracts.Checkpoint;
using Modular.Contracts.Runtime;

namespace Modular.Conformance.Checkpoint;

/// <summary>
/// What every <see cref="ICheckpointer"/> plugin must do: probe without throwing, name a
/// missing or broken executable as a one-line problem, report exactly the capabilities its
/// executable reports, lay checkpoints out with Podman's names, and hand the runtime an
/// executable that really dumps and restores a process tree. Derive and supply the
/// factories; run as root on a host where the checkpointer works (criu 4.x here).
/// </summary>
public abstract partial class CheckpointerConformance : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("modular-checkpoint-kit-").FullName;

    /// <summary>A new instance, as its module would register it (with its default paths).</summary>
    protected abstract ICheckpointer CreateCheckpointer();

    /// <summary>
    /// A new instance that tries only the context's search paths, none of its own defaults,
    /// so the kit can show it a missing or a broken executable.
    /// </summary>
    protected abstract ICheckpointer CreateIsolatedCheckpointer();

    /// <summary>The runtime plugin the dump and restore go through (runc, whose verbs are declared).</summary>
    protected abstract IOciRuntime CreateRuntime();

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Its_id_is_a_short_lowercase_name_as_modular_conf_writes_it()
    {
        Assert.Matches(IdPattern(), CreateCheckpointer().Id);
    }

    [Fact]
    public void Its_layout_gives_podmans_checkpoint_and_archive_names()
    {
        var layout = CreateCheckpointer().Layout;

        Assert.Equal(
            ["checkpoint", "config.dump", "spec.dump", "network.status", "rootfs-diff.tar", "deleted.files", "stats-dump"],
            layout.ArchiveEntries);
        Assert.Equal("pre-checkpoint", layout.PreDumpDirectory);
        Assert.Equal(("dump.log", "restore.log", "stats-restore"), (layout.DumpLog, layout.RestoreLog, layout.StatsRestore));
    }

    [Fact]
    public async Task A_missing_executable_is_an_unusable_answer_with_a_one_line_problem()
    {
        var absent = Path.Combine(_directory, "absent", "criu");

        var probe = await CreateIsolatedCheckpointer().ProbeAsync(new CheckpointerContext([absent]), CancellationToken.None);

        AssertUnusable(probe);
    }

    [Fact]
    public async Task An_executable_that_fails_its_check_is_unusable_and_its_error_is_the_problem()
    {
        var failing = WriteScript("criu", "echo 'Error: vdso: cannot parse the vDSO' >&2\nexit 1");

        var probe = await CreateIsolatedCheckpointer().ProbeAsync(new CheckpointerContext([failing]), CancellationToken.None);

        AssertUnusable(probe);
        Assert.Contains("Error: vdso: cannot parse the vDSO", probe.Problem);
    }

    [Fact]
    public async Task A_broken_search_path_entry_is_skipped_for_the_default_or_named_as_the_problem()
    {
        var failing = WriteScript("criu", "exit 1");

        var probe = await CreateCheckpointer().ProbeAsync(new CheckpointerContext([failing]), CancellationToken.None);

        if (probe.Usable)
        {
            Assert.NotEqual(failing, probe.ExecutablePath);
            Assert.True(Path.IsPathRooted(probe.ExecutablePath), probe.ExecutablePath);
            Assert.Matches(@"^\d+\.\d+", probe.Version);
            Assert.Equal("", probe.Problem);
        }
        else
        {
            AssertUnusable(probe);
        }
    }

    [Fact]
    public async Task A_configured_working_executable_is_preferred_and_used()
    {
        var probe = await UsableProbeAsync();
        var link = Path.Combine(_directory, "configured-criu");
        File.CreateSymbolicLink(link, probe.ExecutablePath);

        var configured = await CreateCheckpointer().ProbeAsync(new CheckpointerContext([link]), CancellationToken.None);

        Assert.True(configured.Usable, configured.Problem);
        Assert.Equal(link, configured.ExecutablePath);
    }

    [Fact]
    public async Task Capabilities_agree_with_criu_check_feature_run_directly()
    {
        var probe = await UsableProbeAsync();

        var expected = new CheckpointCapabilities(
            PreDump: await ChecksAsync(probe.ExecutablePath, "check", "--feature", "mem_dirty_track"),
            LazyPages: await ChecksAsync(probe.ExecutablePath, "check", "--feature", "uffd-noncoop"),
            TcpEstablished: await ChecksAsync(probe.ExecutablePath, "check"));

        Assert.Equal(expected, probe.Capabilities);
    }

    /// <summary>The probe with the plugin's defaults; a host where it is unusable cannot run the kit.</summary>
    protected async Task<CheckpointerProbe> UsableProbeAsync()
    {
        var probe = await CreateCheckpointer().ProbeAsync(new CheckpointerContext([]), CancellationToken.None);
        Assert.True(probe.Usable, $"the checkpointer is not usable on this host: {probe.Problem}");
        return probe;
    }

    private static void AssertUnusable(CheckpointerProbe probe)
    {
        Assert.False(probe.Usable);
        Assert.NotEmpty(probe.Problem);
        Assert.DoesNotContain('\n', probe.Problem.TrimEnd());
        Assert.Equal(CheckpointCapabilities.None, probe.Capabilities);
    }

    private static async Task<bool> ChecksAsync(string executable, params string[] arguments)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var result = await Cli.Wrap(executable).WithArguments(arguments)
            .WithValidation(CommandResultValidation.None).ExecuteAsync(timeout.Token);
        return result.ExitCode == 0;
    }

    private string WriteScript(string name, string body)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(_directory, "bin")).FullName, name);
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex IdPattern();
}
