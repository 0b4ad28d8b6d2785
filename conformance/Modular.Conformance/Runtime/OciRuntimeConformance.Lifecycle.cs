using Modular.Contracts.Runtime;

namespace Modular.Conformance.Runtime;

public abstract partial class OciRuntimeConformance
{
    [Fact]
    public async Task Create_start_state_and_delete_walk_the_oci_lifecycle()
    {
        await using var s = RuntimeSandbox.Create(CreateRuntime());
        var id = s.NewId();
        var bundle = s.Bundle(id, "/bin/sh", "-c", "echo done > /tmp/mark");

        var created = await s.CreateDetachedAsync(id, bundle);
        var afterCreate = await s.StatusAsync(id);
        var started = await s.VerbAsync("start", id);
        var afterExit = await s.WaitForStatusAsync(id, "stopped");
        var deleted = await s.VerbAsync("delete", id);

        Assert.Equal(0, created);
        Assert.Equal("created", afterCreate);
        Assert.True(started.ExitCode == 0, started.StandardError);
        Assert.Equal("stopped", afterExit);
        Assert.True(deleted.ExitCode == 0, deleted.StandardError);
        Assert.Null(await s.StatusAsync(id));
    }

    [Fact]
    public async Task Kill_with_sigkill_stops_a_running_container()
    {
        await using var s = RuntimeSandbox.Create(CreateRuntime());
        var id = s.NewId();
        var bundle = s.Bundle(id, "/bin/sleep", "600");
        await s.CreateDetachedAsync(id, bundle);
        await s.VerbAsync("start", id);
        var running = await s.WaitForStatusAsync(id, "running");

        var killed = await s.VerbAsync("kill", id, "KILL");

        Assert.Equal("running", running);
        Assert.True(killed.ExitCode == 0, killed.StandardError);
        Assert.Equal("stopped", await s.WaitForStatusAsync(id, "stopped"));
    }

    [Fact]
    public async Task A_missing_command_reads_as_command_not_found()
    {
        await using var s = RuntimeSandbox.Create(CreateRuntime());
        var id = s.NewId();
        var bundle = s.Bundle(id, "/bin/absent");

        var result = await s.VerbAsync("run", "--bundle", bundle, id);

        Assert.NotEqual(0, result.ExitCode);
        var text = result.StandardError + result.StandardOutput;
        Assert.Equal(RuntimeFailureKind.CommandNotFound, s.Runtime.ClassifyFailure(text));
    }

    [Fact]
    public async Task A_directory_as_command_reads_as_cannot_invoke()
    {
        await using var s = RuntimeSandbox.Create(CreateRuntime());
        var id = s.NewId();
        var bundle = s.Bundle(id, "/etc");

        var result = await s.VerbAsync("run", "--bundle", bundle, id);

        Assert.NotEqual(0, result.ExitCode);
        var text = result.StandardError + result.StandardOutput;
        Assert.Equal(RuntimeFailureKind.CannotInvoke, s.Runtime.ClassifyFailure(text));
    }

    [Fact]
    public void Unrelated_error_text_reads_as_other()
    {
        var runtime = CreateRuntime();

        var kind = runtime.ClassifyFailure("cannot allocate memory while creating the sandbox");

        Assert.Equal(RuntimeFailureKind.Other, kind);
    }
}
