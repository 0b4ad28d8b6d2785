using Modular.Contracts.Checkpoint;
using Modular.Plugins.Checkpoint.Criu;

namespace Modular.Plugins.Checkpoint.Tests;

/// <summary>The criu plugin's probe against the criu binaries really on this host.</summary>
public sealed class CriuCheckpointerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("criu-plugin-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_criu_that_fails_its_check_is_skipped_for_one_that_passes_or_named_as_the_problem()
    {
        var failing = Path.Combine(_directory, "criu");
        await File.WriteAllTextAsync(failing, "#!/bin/sh\necho 'Error: vdso: nope' >&2\nexit 1\n");
        File.SetUnixFileMode(failing, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var checkpointer = new CriuCheckpointer();

        var probe = await checkpointer.ProbeAsync(new CheckpointerContext([failing]), CancellationToken.None);

        if (probe.Usable)
        {
            Assert.NotEqual(failing, probe.ExecutablePath);
            Assert.Contains(probe.ExecutablePath, CriuCheckpointer.DefaultPaths);
            Assert.Matches(@"^\d+\.\d+", probe.Version);
            Assert.Equal("", probe.Problem);
            Assert.True(probe.Capabilities.TcpEstablished);
        }
        else
        {
            Assert.Equal(failing, probe.ExecutablePath);
            Assert.Contains("Error: vdso: nope", probe.Problem);
            Assert.Equal(CheckpointCapabilities.None, probe.Capabilities);
        }
    }

    [Fact]
    public async Task Pre_dump_is_reported_exactly_as_criu_check_reports_dirty_memory_tracking()
    {
        var checkpointer = new CriuCheckpointer();

        var probe = await checkpointer.ProbeAsync(new CheckpointerContext([]), CancellationToken.None);

        if (probe.Usable)
        {
            var check = await CliWrap.Cli.Wrap(probe.ExecutablePath)
                .WithArguments(["check", "--feature", "mem_dirty_track"])
                .WithValidation(CliWrap.CommandResultValidation.None)
                .ExecuteAsync();
            Assert.Equal(check.ExitCode == 0, probe.Capabilities.PreDump);
        }
        else
        {
            Assert.False(probe.Capabilities.PreDump);
        }
    }

    [Fact]
    public void Its_id_and_layout_are_criu_and_podmans_archive_names()
    {
        var checkpointer = new CriuCheckpointer();

        Assert.Equal("criu", checkpointer.Id);
        Assert.Equal("checkpoint", checkpointer.Layout.ImagesDirectory);
        Assert.Equal("rootfs-diff.tar", checkpointer.Layout.RootfsDiff);
    }
}
