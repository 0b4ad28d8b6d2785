using System.Text.Json;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Images;

[Collection(Collections.Registry)]
public sealed class ManifestTests(RegistryFixture registry, ModpodFixture modpod)
{
    [Fact]
    public async Task Create_and_add_record_each_platform_and_inspect_shows_podmans_json()
    {
        var (amd, arm) = await PushPairAsync("man/members");
        var list = "localhost/man-inspect:latest";

        var create = await modpod.RunAsync("manifest", "create", list);
        var add1 = await modpod.RunAsync("manifest", "add", "--tls-verify=false", list, "docker://" + amd);
        var add2 = await modpod.RunAsync(
            "manifest", "add", "--tls-verify=false", "--annotation", "team=blue", list, "docker://" + arm);
        var inspect = await modpod.RunAsync("manifest", "inspect", list);
        var exists = await modpod.RunAsync("manifest", "exists", list);
        var listed = await modpod.RunAsync("images", "--format", "{{.Repository}}:{{.Tag}}");

        ModpodAssert.Exit(0, create);
        Assert.Equal(create.Output, add1.Output);
        Assert.Equal(create.Output, add2.Output);
        using var json = JsonDocument.Parse(inspect.StandardOutput);
        var manifests = json.RootElement.GetProperty("manifests").EnumerateArray().ToList();
        Assert.Equal("application/vnd.oci.image.index.v1+json", json.RootElement.GetProperty("mediaType").GetString());
        Assert.Equal(["amd64", "arm64"], manifests.Select(m => m.GetProperty("platform").GetProperty("architecture").GetString()));
        Assert.Equal("blue", manifests[1].GetProperty("annotations").GetProperty("team").GetString());
        Assert.StartsWith("{\n    \"schemaVersion\": 2,", inspect.StandardOutput);
        ModpodAssert.Exit(0, exists);
        Assert.Contains(list, listed.Lines);
    }

    [Fact]
    public async Task Rm_removes_the_list_and_exists_then_exits_1()
    {
        var list = "localhost/man-rm:latest";
        var id = (await modpod.RunAsync("manifest", "create", list)).Output;

        var rm = await modpod.RunAsync("manifest", "rm", list);
        var exists = await modpod.RunAsync("manifest", "exists", list);

        ModpodAssert.Exit(0, rm);
        Assert.Equal([$"Untagged: {list}", $"Deleted: {id}"], rm.Lines);
        Assert.Equal(1, exists.ExitCode);
    }

    [Fact]
    public async Task Create_of_a_name_in_use_is_refused_unless_amend()
    {
        var list = "localhost/man-amend:latest";
        var id = (await modpod.RunAsync("manifest", "create", list)).Output;

        var again = await modpod.RunAsync("manifest", "create", list);
        var amend = await modpod.RunAsync("manifest", "create", "--amend", list);

        ModpodAssert.Exit(125, again);
        Assert.Contains("already associated with image", again.StandardError);
        Assert.Equal((0, id), (amend.ExitCode, amend.Output));
    }

    [Fact]
    public async Task Annotate_sets_the_variant_and_remove_drops_an_instance()
    {
        var (amd, arm) = await PushPairAsync("man/annotate");
        var list = "localhost/man-annotate:latest";
        await modpod.RunAsync("manifest", "create", "--tls-verify=false", list, "docker://" + amd, "docker://" + arm);
        var armDigest = Digest(await modpod.RunAsync("manifest", "inspect", list), 1);
        var amdDigest = Digest(await modpod.RunAsync("manifest", "inspect", list), 0);

        var annotate = await modpod.RunAsync("manifest", "annotate", "--variant", "v8", list, armDigest);
        var remove = await modpod.RunAsync("manifest", "remove", list, amdDigest);
        var inspect = await modpod.RunAsync("manifest", "inspect", list);

        ModpodAssert.Exit(0, annotate);
        ModpodAssert.Exit(0, remove);
        using var json = JsonDocument.Parse(inspect.StandardOutput);
        var only = json.RootElement.GetProperty("manifests").EnumerateArray().Single();
        Assert.Equal("v8", only.GetProperty("platform").GetProperty("variant").GetString());
    }

    [Fact]
    public async Task A_pushed_list_is_pulled_for_the_host_and_for_arm64_and_digestfile_matches()
    {
        var (amd, arm) = await PushPairAsync("man/pushsrc");
        var list = "localhost/man-push:latest";
        await modpod.RunAsync("manifest", "create", "--tls-verify=false", list, "docker://" + amd, "docker://" + arm);
        var digestFile = Path.Combine(modpod.Directory, "man-push.digest");
        var target = $"{registry.Address}/man/pushed:list";

        var push = await modpod.RunAsync(
            "manifest", "push", "--tls-verify=false", "--digestfile", digestFile, list, "docker://" + target);
        var host = await modpod.RunAsync("pull", "--tls-verify=false", target);
        var hostArch = await modpod.RunAsync("image", "inspect", "--format", "{{.Architecture}}", target);
        await modpod.RunAsync("rmi", target);
        var armPull = await modpod.RunAsync("pull", "--tls-verify=false", "--arch", "arm64", target);
        var armArch = await modpod.RunAsync("image", "inspect", "--format", "{{.Architecture}}", target);
        var expected = await registry.ContentDigestAsync(
            "man/pushed", "list", "application/vnd.oci.image.index.v1+json");

        ModpodAssert.Exit(0, push);
        ModpodAssert.Exit(0, host);
        ModpodAssert.Exit(0, armPull);
        Assert.Equal("amd64", hostArch.Output);
        Assert.Equal("arm64", armArch.Output);
        Assert.Equal(expected, File.ReadAllText(digestFile));
    }

    [Fact]
    public async Task A_list_holding_a_local_image_pushes_that_image_and_pulls_back()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var list = "localhost/man-local:latest";
        var target = $"{registry.Address}/man/local:list";
        var create = await modpod.RunAsync("manifest", "create", list, "containers-storage:" + image);

        var push = await modpod.RunAsync("manifest", "push", "--tls-verify=false", list, target);
        var pull = await modpod.RunAsync("pull", "--tls-verify=false", target);
        var run = await modpod.RunAsync("run", "--rm", target, "echo", "from-a-list");

        ModpodAssert.Exit(0, create);
        ModpodAssert.Exit(0, push);
        ModpodAssert.Exit(0, pull);
        Assert.Equal("from-a-list", run.Output);
    }

    private async Task<(string Amd, string Arm)> PushPairAsync(string repository)
    {
        var (amd, _) = await registry.PushAsync(
            await TestImageCatalog.BusyboxAsync(architecture: "amd64"), repository, "amd64");
        var (arm, _) = await registry.PushAsync(
            await TestImageCatalog.BusyboxAsync(architecture: "arm64"), repository, "arm64");
        return (amd, arm);
    }

    private static string Digest(ModpodResult inspect, int index)
    {
        using var json = JsonDocument.Parse(inspect.StandardOutput);
        return json.RootElement.GetProperty("manifests")[index].GetProperty("digest").GetString()!;
    }
}
