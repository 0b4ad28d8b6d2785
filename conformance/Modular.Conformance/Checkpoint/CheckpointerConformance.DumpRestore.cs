using CliWrap;
using Modular.Conformance.Runtime;
using Modular.Contracts.Checkpoint;

namespace Modular.Conformance.Checkpoint;

public abstract partial class CheckpointerConformance
{
    // Every stdio descriptor on a file inside the container: criu dumps those as plain
    // files, while the runtime's own pipes or host files would be external to it.
    private const string Counter =
        "echo > /tmp/in; exec </tmp/in >/tmp/out 2>&1; "
        + "i=0; while true; do i=$((i+1)); echo $i > /tmp/count.new; busybox mv /tmp/count.new /tmp/count; sleep 0.1; done";

    [Fact]
    public async Task A_counter_in_a_runc_container_dumped_and_restored_through_it_continues()
    {
        var probe = await UsableProbeAsync();
        await using var s = RuntimeSandbox.Create(CreateRuntime());
        var verbs = s.Runtime.Checkpoint;
        Assert.NotNull(verbs);
        var layout = CreateCheckpointer().Layout;
        var id = s.NewId();
        var bundle = s.Bundle(id, "/bin/sh", "-c", Counter);
        var count = Path.Combine(bundle, "rootfs", "tmp", "count");
        Assert.Equal(0, await s.CreateDetachedAsync(id, bundle));
        Assert.Equal(0, (await s.VerbAsync("start", id)).ExitCode);
        var before = await CountReachingAsync(count, 3);

        var work = Directory.CreateDirectory(Path.Combine(s.Root, "work-" + id)).FullName;
        var images = Directory.CreateDirectory(Path.Combine(work, layout.ImagesDirectory)).FullName;
        var dump = await RunToolAsync(s, probe, verbs,
            [verbs.CheckpointVerb, "--image-path", images, "--work-path", work, id]);
        Assert.True(dump == 0, Log(work, layout.DumpLog));
        var dumped = await ReadCountAsync(count);
        await Task.Delay(500);
        var stillDumped = await ReadCountAsync(count);

        var restore = await RunToolAsync(s, probe, verbs,
            [verbs.RestoreVerb, "--bundle", bundle, "--detach", "--image-path", images, "--work-path", work, id]);
        Assert.True(restore == 0, Log(work, layout.RestoreLog));
        var after = await CountReachingAsync(count, dumped + 3);

        Assert.True(before >= 3);
        Assert.True(dumped >= before, $"{dumped} < {before}");
        Assert.Equal(dumped, stillDumped);
        Assert.True(after > dumped + 2, $"the counter restarted or stopped: {after} after {dumped}");
        Assert.Equal("running", await s.StatusAsync(id));
    }

    // As the engine: runc gets the executable as its global path option, and PATH starts with
    // its directory for a runtime that looks it up there. Output goes to a file, so a
    // restored process never holds this test's pipes open.
    private static async Task<int> RunToolAsync(
        RuntimeSandbox s,
        CheckpointerProbe probe,
        Contracts.Runtime.CheckpointVerbs verbs,
        IReadOnlyList<string> verb)
    {
        string[] option = verbs.CheckpointerPathOption is { } name ? [name, probe.ExecutablePath] : [];
        var command = string.Join(' ', new[] { s.Command.Executable }
            .Concat(s.Command.GlobalArguments).Concat(option).Concat(verb).Select(Quote));
        var output = Path.Combine(s.Root, verb[0] + ".out");
        var path = $"{Path.GetDirectoryName(probe.ExecutablePath)}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var result = await Cli.Wrap("/bin/sh")
            .WithArguments(["-c", $"exec {command} </dev/null >{Quote(output)} 2>&1"])
            .WithEnvironmentVariables(e => e.Set("PATH", path))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(timeout.Token);
        return result.ExitCode;
    }

    private static async Task<int> CountReachingAsync(string file, int target)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        int current;
        while ((current = await ReadCountAsync(file)) < target && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return current;
    }

    private static async Task<int> ReadCountAsync(string file) =>
        File.Exists(file) && int.TryParse((await File.ReadAllTextAsync(file)).Trim(), out var n) ? n : 0;

    private static string Log(string work, string name)
    {
        var path = Path.Combine(work, name);
        return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(15)) : $"no {name}";
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";
}
