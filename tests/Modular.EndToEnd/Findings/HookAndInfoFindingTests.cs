using Modular.EndToEnd.Fixtures;
using Modular.EndToEnd.Hooks;
using Xunit;

namespace Modular.EndToEnd.Findings;

/// <summary>
/// Issue 7 tester findings 6 and 13 (hooks, info, version): a dangling hook file blocks no
/// container, an unknown hooks subcommand gets cobra's text, info keeps quotes as they are
/// and agrees with version, and version names its build time.
/// </summary>
[Collection(Collections.Containers)]
public sealed class HookAndInfoFindingTests(ModpodFixture modpod)
{
    [Fact]
    public async Task A_dangling_hook_symlink_is_skipped()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var hooks = new HookFolder(modpod.Directory);
        var folder = hooks.Folder("dangling.d");
        File.CreateSymbolicLink(Path.Combine(folder, "gone.json"), Path.Combine(folder, "missing-target.json"));

        var run = await modpod.RunAsync("--hooks-dir", folder, "run", "--rm", "--network", "none", image, "true");

        ModpodAssert.Exit(0, run);
    }

    [Fact]
    public async Task An_unknown_hooks_subcommand_is_unrecognized()
    {
        var result = await modpod.RunAsync("hooks", "bogus");

        ModpodAssert.Exit(125, result);
        Assert.Equal("Error: unrecognized command `modpod hooks bogus`", result.ErrorLines[0]);
    }

    [Fact]
    public async Task Info_and_version_agree_and_version_names_its_build()
    {
        var info = await modpod.RunAsync("info", "--format", "{{.Version.Version}} {{.Version.APIVersion}}");
        var version = await modpod.RunAsync("version", "--format", "{{.Client.Version}} {{.Client.APIVersion}}");
        var human = await modpod.RunAsync("version");
        var yaml = await modpod.RunAsync("info");

        ModpodAssert.Exit(0, info);
        Assert.Equal(version.Output, info.Output);
        var built = human.Lines.Single(l => l.StartsWith("Built:", StringComparison.Ordinal));
        Assert.NotEqual("Built:", built.Trim());
        Assert.DoesNotContain("\\u0022", yaml.StandardOutput);
    }
}
