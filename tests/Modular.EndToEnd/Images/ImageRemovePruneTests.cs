using System.Formats.Tar;
using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>
/// rmi as libimage does it (Issue #10): parents left dangling go unless --no-prune, a name
/// of a multi-named image is untagged with a remove event, and save's further names come
/// first in the archive's RepoTags.
/// </summary>
[Collection(Collections.Transports)]
public sealed class ImageRemovePruneTests(ModpodFixture modpod) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("modular-rmiprune-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Rmi_removes_the_parent_it_leaves_dangling_unless_no_prune()
    {
        var (parent, child) = await ChainAsync("rmiprune-a");
        var (keptParent, keptChild) = await ChainAsync("rmiprune-b");

        var pruned = await modpod.RunAsync("rmi", child);
        var kept = await modpod.RunAsync("rmi", "--no-prune", keptChild);

        ModpodAssert.Exit(0, pruned);
        ModpodAssert.Exit(0, kept);
        Assert.Contains($"Deleted: {parent}", pruned.Lines);
        Assert.Equal(1, (await modpod.RunAsync("image", "exists", parent)).ExitCode);
        Assert.Equal(0, (await modpod.RunAsync("image", "exists", keptParent)).ExitCode);
        Assert.Equal(0, (await modpod.RunAsync("image", "exists", ModpodFixture.Busybox)).ExitCode);
        await modpod.RunAsync("rmi", keptParent);
    }

    [Fact]
    public async Task Rmi_of_one_name_untags_and_records_untag_then_remove()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("tag", image, "localhost/rmiprune-alias:1");
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds().ToString();

        var rmi = await modpod.RunAsync("rmi", "rmiprune-alias:1");
        var events = await modpod.RunAsync("events", "--stream=false", "--since", since,
            "--filter", "type=image", "--format", "{{.Status}} {{.Name}}");

        ModpodAssert.Exit(0, rmi);
        Assert.Equal(["Untagged: localhost/rmiprune-alias:1"], rmi.Lines);
        var mine = events.Lines.Where(l => l.EndsWith(" localhost/rmiprune-alias:1") && !l.StartsWith("tag "))
            .ToList();
        Assert.Equal(["untag localhost/rmiprune-alias:1", "remove localhost/rmiprune-alias:1"], mine);
        Assert.Equal(0, (await modpod.RunAsync("image", "exists", image)).ExitCode);
    }

    [Fact]
    public async Task Save_lists_further_names_before_the_images_own()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var archive = Path.Combine(_work, "tags.tar");

        var save = await modpod.RunAsync("save", "-q", "-o", archive, image, "localhost/rmiprune-extra:2");

        ModpodAssert.Exit(0, save);
        var manifest = await ManifestAsync(archive);
        Assert.Single(manifest);
        Assert.Equal(
            ["localhost/rmiprune-extra:2", "localhost/busybox:latest"],
            manifest[0]!["RepoTags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    /// <summary>parent = a commit of busybox, then untagged; child = a commit on it.</summary>
    private async Task<(string Parent, string Child)> ChainAsync(string name)
    {
        var image = await modpod.EnsureBusyboxAsync();
        ModpodAssert.Exit(0, await modpod.RunAsync("create", "--name", name + "-c1", image, "true"));
        var parent = (await modpod.RunAsync("commit", "-q", name + "-c1", "localhost/" + name + "-p")).Output.Trim();
        ModpodAssert.Exit(0, await modpod.RunAsync("create", "--name", name + "-c2", parent, "true"));
        var child = (await modpod.RunAsync("commit", "-q", name + "-c2", "localhost/" + name + "-k")).Output.Trim();
        await modpod.RunAsync("rm", name + "-c1", name + "-c2");
        ModpodAssert.Exit(0, await modpod.RunAsync("untag", parent));
        return (parent, child);
    }

    private static async Task<JsonArray> ManifestAsync(string archive)
    {
        await using var stream = File.OpenRead(archive);
        using var reader = new TarReader(stream);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            if (entry.Name == "manifest.json" && entry.DataStream is { } data)
            {
                return JsonNode.Parse(data)!.AsArray();
            }
        }

        throw new InvalidDataException("no manifest.json in " + archive);
    }
}
