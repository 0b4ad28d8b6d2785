using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Hooks;

/// <summary>hooks.d hooks in real containers: matching, the state they get, each stage, precreate.</summary>
[Collection(Collections.Containers)]
public sealed class OciHookTests(ModpodFixture modpod)
{
    private const string DumpAnnotation = """{"annotations": {"^org\\.example\\.dump$": "^yes$"}}""";

    [Fact]
    public async Task An_annotation_hook_fires_only_for_annotated_containers_and_gets_their_state()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var hooks = new HookFolder(modpod.Directory);
        var folder = hooks.Folder("hooks.d");
        hooks.WriteCurrent(folder, "10-dump.json", hooks.StateSaver(), ["save-state", "annotated"],
            DumpAnnotation, "prestart");

        var plain = await modpod.RunAsync("--hooks-dir", folder, "run", "--name", "hook-plain", image, "true");
        var plainState = hooks.State("annotated");
        var annotated = await modpod.RunAsync("--hooks-dir", folder, "run", "--name", "hook-annotated",
            "--annotation", "org.example.dump=yes", image, "true");
        var id = (await modpod.RunAsync("inspect", "--format", "{{.Id}}", "hook-annotated")).Output;
        var inspect = JsonNode.Parse((await modpod.RunAsync("inspect", "hook-annotated")).StandardOutput)!;
        await modpod.RunAsync("rm", "-f", "hook-plain", "hook-annotated");

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Null(plainState);
        Assert.True(annotated.ExitCode == 0, annotated.ToString());
        var state = hooks.State("annotated") ?? throw new Xunit.Sdk.XunitException("the hook did not run");
        Assert.Equal(id, state["id"]!.GetValue<string>());
        Assert.True(state["pid"]!.GetValue<int>() > 0, state.ToJsonString());
        Assert.EndsWith($"/containers/{id}/userdata", state["bundle"]!.GetValue<string>());
        Assert.Contains(state["status"]!.GetValue<string>(), new[] { "creating", "created" });
        Assert.Equal("yes", state["annotations"]!["org.example.dump"]!.GetValue<string>());
        Assert.Equal("yes", inspect[0]!["Config"]!["Annotations"]!["org.example.dump"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hooks_test_predicts_the_annotation_hook_for_annotated_containers_only()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var hooks = new HookFolder(modpod.Directory);
        var folder = hooks.Folder("hooks.d");
        var saver = hooks.StateSaver();
        hooks.WriteCurrent(folder, "10-dump.json", saver, ["save-state", "annotated"], DumpAnnotation, "prestart");

        var annotated = await modpod.RunAsync("--hooks-dir", folder, "hooks", "test",
            "--annotation", "org.example.dump=yes", image, "true");
        var plain = await modpod.RunAsync("--hooks-dir", folder, "hooks", "test", image, "true");
        var json = await modpod.RunAsync("--hooks-dir", folder, "hooks", "test",
            "--annotation", "org.example.dump=yes", "--format", "json", image, "true");

        Assert.True(annotated.ExitCode == 0, annotated.ToString());
        Assert.Equal(["STAGE", "NAME", "PATH", "ARGS"], annotated.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["prestart", "10-dump.json", saver, "save-state", "annotated"],
            annotated.Lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, annotated.Lines.Count);
        Assert.Single(plain.Lines);
        var preview = JsonNode.Parse(json.StandardOutput)!;
        Assert.Equal("true", preview["Container"]!["Command"]!.GetValue<string>());
        Assert.Equal("prestart", preview["Hooks"]![0]!["Stage"]!.GetValue<string>());
        Assert.Equal(saver, preview["Hooks"]![0]!["Hook"]!["path"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("crun")]
    [InlineData("runc")]
    public async Task Every_stage_fires_and_poststop_runs_after_the_exit(string runtime)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var hooks = new HookFolder(modpod.Directory);
        var folder = hooks.Folder("hooks.d");
        var saver = hooks.StateSaver();
        string[] hostStages = ["prestart", "createRuntime", "createContainer", "poststart", "poststop"];
        foreach (var stage in hostStages)
        {
            hooks.WriteCurrent(folder, $"{stage}.json", saver, ["save-state", stage], """{"always": true}""", stage);
        }

        // startContainer runs inside the container, so its program is the image's shell.
        hooks.WriteCurrent(folder, "startContainer.json", "/bin/sh",
            ["sh", "-c", "echo startContainer > /tmp/hook-mark"], """{"always": true}""", "startContainer");

        var run = await modpod.RunAsync("--hooks-dir", folder, "run", "--rm", "--runtime", runtime,
            image, "cat", "/tmp/hook-mark");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("startContainer", run.Output);
        Assert.All(hostStages, stage => Assert.NotNull(hooks.State(stage)));
        Assert.Equal(hooks.State("prestart")!["id"]!.GetValue<string>(), hooks.State("poststop")!["id"]!.GetValue<string>());
        Assert.False(await modpod.ContainerExistsAsync(hooks.State("poststop")!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_precreate_hook_rewrites_the_spec_before_the_container_starts()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var hooks = new HookFolder(modpod.Directory);
        var folder = hooks.Folder("hooks.d");
        var rewrite = hooks.Script("add-env", "#!/bin/sh\n/bin/sed 's/\"env\":\\[/\"env\":[\"HOOKED=by-precreate\",/'\n");
        hooks.WriteCurrent(folder, "precreate.json", rewrite, [], """{"commands": ["^env$"]}""", "precreate");

        var matched = await modpod.RunAsync("--hooks-dir", folder, "run", "--rm", image, "env");
        var other = await modpod.RunAsync("--hooks-dir", folder, "run", "--rm", image, "sh", "-c", "env");

        Assert.True(matched.ExitCode == 0, matched.ToString());
        Assert.Contains("HOOKED=by-precreate", matched.Lines);
        Assert.True(other.ExitCode == 0, other.ToString());
        Assert.DoesNotContain("HOOKED=by-precreate", other.Lines);
    }

    [Fact]
    public async Task A_failing_prestart_hook_fails_run_with_one_error_line_and_leaves_no_container()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var hooks = new HookFolder(modpod.Directory);
        var folder = hooks.Folder("hooks.d");
        var failing = hooks.Script("refuse", "#!/bin/sh\necho refused >&2\nexit 3\n");
        hooks.WriteCurrent(folder, "refuse.json", failing, [], """{"always": true}""", "prestart");

        var run = await modpod.RunAsync("--hooks-dir", folder, "run", "--rm", "--name", "hook-refused", image, "true");

        Assert.Equal(126, run.ExitCode);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith("Error: crun: error executing hook", error);
        Assert.Contains(failing, error);
        Assert.EndsWith(": OCI runtime error", error);
        Assert.False(await modpod.ContainerExistsAsync("hook-refused"));
    }
}
