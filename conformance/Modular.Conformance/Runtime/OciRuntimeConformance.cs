using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;
using Modular.Contracts.Runtime;

namespace Modular.Conformance.Runtime;

/// <summary>
/// What every <see cref="IOciRuntime"/> plugin must do, checked by driving the runtime it
/// resolves exactly as the engine and conmon do: global arguments, then OCI verbs on a
/// busybox bundle. Derive, return a new instance from <see cref="CreateRuntime"/>, and run
/// as root (namespaces and cgroups), on a host with /bin/busybox statically linked.
/// </summary>
public abstract partial class OciRuntimeConformance
{
    /// <summary>A new instance of the runtime under test, as its module would register it.</summary>
    protected abstract IOciRuntime CreateRuntime();

    [Fact]
    public void Its_id_is_a_short_lowercase_name_as_containers_conf_writes_it()
    {
        var runtime = CreateRuntime();

        Assert.Matches(IdPattern(), runtime.Id);
    }

    [Fact]
    public void Features_and_checkpoint_verbs_agree_and_name_options_as_podman_flags()
    {
        var runtime = CreateRuntime();

        Assert.Equal(runtime.Features.SupportsCheckpoint, runtime.Checkpoint is not null);
        Assert.All(runtime.Features.UnsupportedOptions ?? [], o => Assert.Matches(IdPattern(), o));
    }

    [Fact]
    public async Task Resolve_gives_an_absolute_executable_that_answers_version()
    {
        await using var s = RuntimeSandbox.Create(CreateRuntime());

        var version = await Cli.Wrap(s.Command.Executable).WithArguments(["--version"])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();

        Assert.True(Path.IsPathRooted(s.Command.Executable), s.Command.Executable);
        Assert.True(Path.IsPathRooted(s.Command.Path), s.Command.Path);
        Assert.True(version.ExitCode == 0, version.StandardError);
        Assert.NotEmpty(version.StandardOutput.Trim());
    }

    [Fact]
    public async Task A_configured_search_path_is_preferred_to_the_default_executable()
    {
        await using var s = RuntimeSandbox.Create(CreateRuntime());
        var link = Path.Combine(s.Root, "configured-" + s.Runtime.Id);
        File.CreateSymbolicLink(link, s.Command.Path);

        var command = s.Runtime.Resolve(
            s.Context with { SearchPaths = [Path.Combine(s.Root, "absent"), link] });

        Assert.Equal(link, command.Path);
    }

    [Fact]
    public async Task Resolve_puts_the_state_root_in_the_global_arguments()
    {
        await using var s = RuntimeSandbox.Create(CreateRuntime());

        Assert.Contains(s.Context.StateRoot, s.Command.GlobalArguments);
    }

    [Fact]
    public async Task A_bundle_runs_in_the_foreground_with_its_output_and_exit_code()
    {
        await using var s = RuntimeSandbox.Create(CreateRuntime());
        var id = s.NewId();
        var bundle = s.Bundle(id, "/bin/sh", "-c", "echo hello from $(hostname); exit 3");

        var result = await s.VerbAsync("run", "--bundle", bundle, id);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("hello from conformance", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task The_container_sees_its_own_pid_namespace_with_its_command_as_pid_1()
    {
        await using var s = RuntimeSandbox.Create(CreateRuntime());
        var id = s.NewId();
        var bundle = s.Bundle(id, "/bin/sh", "-c", "echo $$");

        var result = await s.VerbAsync("run", "--bundle", bundle, id);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal("1", result.StandardOutput.Trim());
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}
