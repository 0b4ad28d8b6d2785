using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Hooks;

/// <summary>hooks.d files: the 0.1.0 schema, directory precedence, and invalid files.</summary>
[Collection(Collections.Containers)]
public sealed class HookFileTests(ModpodFixture modpod)
{
    [Fact]
    public async Task A_legacy_0_1_0_file_fires_on_its_cmds_pattern()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var hooks = new HookFolder(modpod.Directory);
        var folder = hooks.Folder("hooks.d");
        var saver = hooks.StateSaver();
        hooks.WriteHook(folder, "legacy.json", new JsonObject
        {
            ["hook"] = saver,
            ["arguments"] = new JsonArray("legacy"),
            ["stage"] = new JsonArray("prestart"),
            ["cmds"] = new JsonArray("^/bin/true$"),
        }.ToJsonString());

        var other = await modpod.RunAsync("--hooks-dir", folder, "run", "--rm", image, "true");
        var otherState = hooks.State("legacy");
        var matched = await modpod.RunAsync("--hooks-dir", folder, "run", "--rm", image, "/bin/true");
        var listed = await modpod.RunAsync("--hooks-dir", folder, "hooks", "ls", "--format", "json");

        Assert.True(other.ExitCode == 0, other.ToString());
        Assert.Null(otherState);
        Assert.True(matched.ExitCode == 0, matched.ToString());
        Assert.NotNull(hooks.State("legacy"));
        var entry = JsonNode.Parse(listed.StandardOutput)![0]!;
        Assert.Equal("0.1.0", entry["Version"]!.GetValue<string>());
        Assert.Equal("active", entry["Status"]!.GetValue<string>());
        Assert.Equal([saver, "legacy"], entry["Hook"]!["args"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task A_later_hooks_dir_masks_the_same_file_name_in_an_earlier_one()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var hooks = new HookFolder(modpod.Directory);
        var first = hooks.Folder("first");
        var second = hooks.Folder("second");
        var saver = hooks.StateSaver();
        hooks.WriteCurrent(first, "10-same.json", saver, ["save-state", "first"], """{"always": true}""", "prestart");
        hooks.WriteCurrent(second, "10-same.json", saver, ["save-state", "second"], """{"always": true}""", "prestart");
        hooks.WriteCurrent(first, "20-only-first.json", saver, ["save-state", "only-first"], """{"always": true}""", "prestart");

        var run = await modpod.RunAsync("--hooks-dir", first, "--hooks-dir", second, "run", "--rm", image, "true");
        var listed = await modpod.RunAsync("--hooks-dir", first, "--hooks-dir", second, "hooks", "ls");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.NotNull(hooks.State("second"));
        Assert.Null(hooks.State("first"));
        Assert.NotNull(hooks.State("only-first"));
        Assert.Contains(listed.Lines, line => line.StartsWith("10-same.json", StringComparison.Ordinal)
            && line.Contains(" masked ", StringComparison.Ordinal) && line.Contains(first, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_files_are_listed_with_their_errors_and_stop_run_with_Podmans_text()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var hooks = new HookFolder(modpod.Directory);
        var folder = hooks.Folder("hooks.d");
        hooks.WriteHook(folder, "bad-json.json", "{");
        hooks.WriteHook(folder, "bad-stage.json",
            """{"version": "1.0.0", "hook": {"path": "/bin/true"}, "when": {"always": true}, "stages": ["bogus"]}""");
        hooks.WriteHook(folder, "no-program.json",
            """{"version": "1.0.0", "hook": {"path": "/does/not/exist"}, "when": {"always": true}, "stages": ["prestart"]}""");
        hooks.WriteHook(folder, "README", "not a hook");

        var listed = await modpod.RunAsync("--hooks-dir", folder, "hooks", "ls", "--format", "json");
        var run = await modpod.RunAsync("--hooks-dir", folder, "run", "--rm", "--name", "hook-invalid", image, "true");

        Assert.True(listed.ExitCode == 0, listed.ToString());
        var entries = JsonNode.Parse(listed.StandardOutput)!.AsArray()
            .ToDictionary(e => e!["Name"]!.GetValue<string>(), e => e!);
        Assert.Equal(3, entries.Count);
        Assert.Equal("invalid", entries["bad-json.json"]["Status"]!.GetValue<string>());
        Assert.EndsWith("version check: unexpected end of JSON input", entries["bad-json.json"]["Error"]!.GetValue<string>());
        Assert.Equal("unknown stage \"bogus\"", entries["bad-stage.json"]["Error"]!.GetValue<string>());
        Assert.Equal("skipped", entries["no-program.json"]["Status"]!.GetValue<string>());
        Assert.Equal("stat /does/not/exist: no such file or directory", entries["no-program.json"]["Error"]!.GetValue<string>());
        Assert.Equal(126, run.ExitCode);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith("Error: setting up OCI Hooks: ", error);
        Assert.Contains("unknown stage \"bogus\"", error);
        Assert.False(await modpod.ContainerExistsAsync("hook-invalid"));
    }

    [Fact]
    public async Task Hooks_ls_shows_its_table_with_the_stages_and_conditions_of_each_file()
    {
        var hooks = new HookFolder(modpod.Directory);
        var folder = hooks.Folder("hooks.d");
        hooks.WriteCurrent(folder, "B-second.json", "/bin/true", [], """{"commands": ["sh$"], "hasBindMounts": true}""", "poststop");
        hooks.WriteCurrent(folder, "a-first.json", "/bin/true", [], """{"always": true}""", "prestart", "poststart");

        var listed = await modpod.RunAsync("--hooks-dir", folder, "hooks", "ls");

        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Equal("NAME STAGES WHEN STATUS FILE ERROR", string.Join(' ', listed.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.StartsWith("a-first.json", listed.Lines[1]);
        Assert.Contains("prestart,poststart", listed.Lines[1]);
        Assert.StartsWith("B-second.json", listed.Lines[2]);
        Assert.Contains("hasBindMounts and commands[sh$]", listed.Lines[2]);
    }
}
