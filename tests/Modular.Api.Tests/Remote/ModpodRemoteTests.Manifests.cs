using System.Text.Json;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>manifest create, add, annotate, inspect, exists, remove and rm through the remote client.</summary>
public sealed partial class ModpodRemoteTests
{
    [Fact]
    public async Task Manifest_verbs_print_what_the_local_ones_print()
    {
        const string list = "localhost/rnv-list:1";
        var create = await RemoteAsync("manifest", "create", list, ModpodFixture.Busybox);
        Assert.True(create.ExitCode == 0, create.ToString());
        var id = (await Store.RunAsync("image", "inspect", "--format", "{{.Id}}", list)).Output;
        Assert.Equal(id, create.Output);

        await AssertSameAsync("manifest", "inspect", list);
        Assert.Equal(0, (await RemoteAsync("manifest", "exists", list)).ExitCode);
        Assert.Equal(1, (await RemoteAsync("manifest", "exists", "localhost/rnv-no-such-list")).ExitCode);

        var add = await RemoteAsync("manifest", "add", "--os-version", "1.0", list, ModpodFixture.Busybox);
        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Equal(id, add.Output);
        var digest = InstanceDigest((await Store.RunAsync("manifest", "inspect", list)).StandardOutput);

        var annotate = await RemoteAsync("manifest", "annotate", "--annotation", "team=blue", list, digest);
        Assert.True(annotate.ExitCode == 0, annotate.ToString());
        Assert.Equal(id, annotate.Output);
        var index = await RemoteAsync("manifest", "annotate", "--index", "--annotation", "kind=rnv", list);
        Assert.True(index.ExitCode == 0, index.ToString());
        var inspect = (await RemoteAsync("manifest", "inspect", list)).StandardOutput;
        Assert.Contains("\"team\": \"blue\"", inspect);
        Assert.Contains("\"kind\": \"rnv\"", inspect);
        await AssertSameAsync("manifest", "inspect", list);

        var remove = await RemoteAsync("manifest", "remove", list, digest);
        Assert.True(remove.ExitCode == 0, remove.ToString());
        Assert.Equal($"{id}: {digest}", remove.Output);

        var rm = await RemoteAsync("manifest", "rm", list);
        Assert.True(rm.ExitCode == 0, rm.ToString());
        Assert.Equal([$"Untagged: {list}", $"Deleted: {id}"], rm.Lines);
        Assert.Equal(1, (await Store.RunAsync("manifest", "exists", list)).ExitCode);
    }

    [Fact]
    public async Task Manifest_verbs_fail_as_local_on_a_missing_list()
    {
        await AssertSameFailureAsync("manifest", "inspect", "localhost/rnv-missing-list");
        await AssertSameFailureAsync("manifest", "rm", "localhost/rnv-missing-list");
        await AssertSameFailureAsync("manifest", "add", "localhost/rnv-missing-list", ModpodFixture.Busybox);
        await AssertSameFailureAsync(
            "manifest", "remove", "localhost/rnv-missing-list", "sha256:" + new string('0', 64));
    }

    private static string InstanceDigest(string inspect)
    {
        using var json = JsonDocument.Parse(inspect);
        return json.RootElement.GetProperty("manifests")[0].GetProperty("digest").GetString()!;
    }
}
