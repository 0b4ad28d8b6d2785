using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Plugins;

/// <summary>
/// A third OCI runtime from outside the solution: gVisor, selected by one config line.
/// gVisor reports its own kernel (4.4.0) whatever the host runs.
/// </summary>
public sealed class RunscPluginTests(RunscPluginFixture runsc) : IClassFixture<RunscPluginFixture>
{
    [Fact]
    public async Task Run_with_the_dropped_in_runsc_plugin_shows_gvisors_kernel()
    {
        var host = await Cli.Wrap("uname").WithArguments("-r").ExecuteBufferedAsync();

        var result = await runsc.Modpod.RunAsync(
            "--runtime", "runsc", "run", "--rm", "--network", "none", ModpodFixture.Busybox,
            "uname", "-a");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(" 4.4.0 ", result.StandardOutput);
        Assert.DoesNotContain(host.StandardOutput.Trim(), result.StandardOutput);
    }

    [Fact]
    public async Task The_conformance_kit_passes_against_the_runsc_plugin_as_installed()
    {
        var project = Path.Combine(
            RepositoryPaths.Root, "examples", "runtime-runsc", "tests",
            "Modular.Examples.Runtime.Runsc.Tests.csproj");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var result = await Cli.Wrap("dotnet")
            .WithArguments(["test", project, "-c", "Release", "--nologo"])
            .WithEnvironmentVariables(e => e.Set("MODULAR_RUNSC_PLUGIN_DIR", runsc.Folder))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains("Failed:     0", result.StandardOutput);
    }

    [Fact]
    public async Task The_selected_runsc_is_listed_loaded_in_info_with_its_folder()
    {
        var result = await runsc.Modpod.RunAsync(
            "info", "--format", "{{range .ModularPlugins}}{{.Id}} {{.Status}} {{.Path}}\n{{end}}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"runsc loaded {runsc.Folder}", result.StandardOutput);
        Assert.Contains("crun available", result.StandardOutput);
    }

    [Fact]
    public async Task An_option_gvisor_cannot_honour_is_one_error_line_and_creates_nothing()
    {
        var result = await runsc.Modpod.RunAsync(
            "run", "--rm", "--name", "runsc-oom", "--oom-kill-disable", "--network", "none",
            ModpodFixture.Busybox, "true");

        Assert.Equal(125, result.ExitCode);
        Assert.Equal(
            "Error: OCI runtime runsc cannot honour --oom-kill-disable: "
            + "its plugin declares the option unsupported",
            result.StandardError.Trim());
        Assert.False(await runsc.Modpod.ContainerExistsAsync("runsc-oom"));
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("0.1")]
    public async Task A_plugin_built_for_another_contracts_major_fails_with_one_line_naming_both(
        string version)
    {
        var directory = runsc.CopyWithContracts(version);
        await using var modpod = await ModpodFixture.CreateAsync(
            new StoreOptions(Runtime: "runsc", ExtraPluginDirs: [directory]));
        try
        {
            var image = await modpod.EnsureBusyboxAsync();

            var run = await modpod.RunAsync("run", "--rm", "--network", "none", image, "true");
            var info = await modpod.RunAsync(
                "info", "--format", "{{range .ModularPlugins}}{{.Id}} {{.Status}} {{.Reason}}\n{{end}}");

            var expected = $"runtime plugin \"runsc\" was built for contracts {version}, "
                + "this engine has 1.0.0: incompatible major version";
            Assert.Equal(125, run.ExitCode);
            Assert.Equal("Error: " + expected, run.StandardError.Trim());
            Assert.Contains($"runsc skipped {expected}", info.StandardOutput);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
