using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Hooks;

/// <summary>
/// The example hooks shipped in hooks/examples work as an operator would use them: the
/// JSON copied into a hooks.d folder, with the program path and log location changed.
/// </summary>
[Collection(Collections.Containers)]
public sealed class ExampleHookTests(ModpodFixture modpod)
{
    [Fact]
    public async Task The_state_log_example_saves_the_state_at_create_and_after_the_exit()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var hooks = new HookFolder(modpod.Directory);
        var folder = hooks.Folder("hooks.d");
        Install("state-log", folder, hooks.Output);

        var run = await modpod.RunAsync("--hooks-dir", folder, "run", "--name", "state-logged", image, "true");
        var id = (await modpod.RunAsync("inspect", "--format", "{{.Id}}", "state-logged")).Output;
        await modpod.RunAsync("rm", "state-logged");

        Assert.True(run.ExitCode == 0, run.ToString());
        var saved = Directory.GetFiles(hooks.Output).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(2, saved.Count);
        Assert.All(saved, name => Assert.StartsWith(id + ".", name));
        Assert.Contains($"{id}.stopped.json", saved);
    }

    [Fact]
    public async Task The_netns_note_example_writes_the_network_namespace_into_annotated_containers()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var hooks = new HookFolder(modpod.Directory);
        var folder = hooks.Folder("hooks.d");
        var log = Path.Combine(hooks.Output, "netns.log");
        Install("netns-note", folder, log);

        var noted = await modpod.RunAsync("--hooks-dir", folder, "run", "--rm", "--network", "none",
            "--annotation", "io.modular.hooks.netns-note=true", image, "cat", "/etc/modular-netns");
        var plain = await modpod.RunAsync("--hooks-dir", folder, "run", "--rm", "--network", "none",
            image, "cat", "/etc/modular-netns");

        Assert.True(noted.ExitCode == 0, noted.ToString());
        Assert.Matches(@"^/proc/\d+/ns/net net:\[\d+\]$", noted.Output);
        Assert.NotEqual(0, plain.ExitCode);
        Assert.Single(File.ReadAllLines(log));
    }

    // The shipped JSON names the installed script and /var/log; a test uses its own.
    private static void Install(string example, string folder, string logLocation)
    {
        var source = Path.Combine(RepositoryPaths.Root, "hooks", "examples", example);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(source, example + ".json")))!;
        json["hook"]!["path"] = Path.Combine(source, example + ".sh");
        json["hook"]!["args"]![1] = logLocation;
        File.WriteAllText(Path.Combine(folder, example + ".json"), json.ToJsonString());
    }
}
