using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary><c>container runlabel</c>: Podman's substitutions, --display, and running the label.</summary>
[Collection(Collections.Containers)]
public sealed class RunlabelTests(ModpodFixture modpod) : IAsyncLifetime
{
    private const string Image = "localhost/runlabel-test:latest";
    private readonly string _work = Directory.CreateTempSubdirectory("modular-runlabel-").FullName;

    public async Task InitializeAsync()
    {
        var busybox = await modpod.EnsureBusyboxAsync();
        await File.WriteAllTextAsync(Path.Combine(_work, "Containerfile"), $"FROM {busybox}\n");
        // --label, not LABEL: a Containerfile would expand $OPT1 itself at build time.
        ModpodAssert.Exit(0, await modpod.RunAsync(
            "build", "-q", "-t", Image,
            "--label", "RUN=podman run --rm --name NAME IMAGE echo hello-$OPT1",
            "--label", "install=/bin/echo install IMAGE NAME=NAME ${NAME}",
            _work));
    }

    public async Task DisposeAsync()
    {
        await modpod.RunAsync("rm", "-f", "runlabel-test", "custom-name");
        await modpod.RunAsync("rmi", "-f", Image);
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Display_prints_the_substituted_command_with_this_programs_argv0()
    {
        var display = await modpod.RunAsync("container", "runlabel", "--display", "run", "localhost/runlabel-test");
        var named = await modpod.RunAsync(
            "container", "runlabel", "--display", "--name", "custom-name", "RUN", Image, "extra");

        ModpodAssert.Exit(0, display);
        Assert.StartsWith("command: ", display.Output);
        Assert.EndsWith($" run --rm --name runlabel-test {Image} echo hello-", display.Output);
        Assert.EndsWith($" run --rm --name custom-name {Image} echo hello- extra", named.Output);
    }

    [Fact]
    public async Task A_label_runs_with_the_callers_streams_and_opt_values()
    {
        var install = await modpod.RunAsync("container", "runlabel", "INSTALL", Image);
        var run = await modpod.RunAsync("container", "runlabel", "--opt1", "world", "run", Image);

        ModpodAssert.Exit(0, install);
        Assert.Equal($"install {Image} NAME=runlabel-test runlabel-test", install.Output);
        ModpodAssert.Exit(0, run);
        Assert.Equal("hello-world", run.Output);
    }

    [Fact]
    public async Task A_missing_label_and_a_failing_command_are_Podmans_errors()
    {
        var missing = await modpod.RunAsync("container", "runlabel", "nope", Image);

        ModpodAssert.Exit(125, missing);
        Assert.Equal($"Error: cannot find the value of label: nope in image: {Image}", missing.StandardError.Trim());
    }
}
