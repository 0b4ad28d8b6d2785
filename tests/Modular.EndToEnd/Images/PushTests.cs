using System.Text.Json;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Images;

[Collection(Collections.Registry)]
public sealed class PushTests(RegistryFixture registry, ModpodFixture modpod)
{
    [Fact]
    public async Task A_pushed_image_is_read_by_skopeo_with_the_digest_written_to_the_digestfile()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var target = $"{registry.Address}/push/skopeo:v1";
        var digestFile = Path.Combine(modpod.Directory, "work", "push-skopeo.digest");

        var push = await modpod.RunAsync("push", "--tls-verify=false", "--digestfile", digestFile, image, target);
        var inspect = await Skopeo.RunAsync(
            modpod.Directory, "inspect", "--tls-verify=false", "docker://" + target);

        ModpodAssert.Exit(0, push);
        ModpodAssert.Exit(0, inspect);
        using var json = JsonDocument.Parse(inspect.StandardOutput);
        Assert.Equal(await File.ReadAllTextAsync(digestFile), json.RootElement.GetProperty("Digest").GetString());
        Assert.Contains("Getting image source signatures", push.StandardError);
        Assert.Contains("Writing manifest to image destination", push.StandardError);
    }

    [Fact]
    public async Task A_pushed_image_pulls_back_with_the_same_id_and_runs()
    {
        var unique = await TestImageCatalog.UniqueAsync("localhost/push-roundtrip:latest", "push-roundtrip");
        await modpod.LoadAsync(unique, expectSuccess: true);
        var target = $"{registry.Address}/push/roundtrip:v1";

        var push = await modpod.RunAsync("push", "-q", "--tls-verify=false", "localhost/push-roundtrip:latest", target);
        await modpod.RunAsync("rmi", "localhost/push-roundtrip:latest");
        var pull = await modpod.RunAsync("pull", "-q", "--tls-verify=false", target);
        var run = await modpod.RunAsync("run", "--rm", target, "cat", "/etc/modular-token");

        ModpodAssert.Exit(0, push);
        Assert.Equal("", push.StandardError);
        ModpodAssert.Exit(0, pull);
        Assert.Equal(unique.Id, pull.Output);
        Assert.Equal("push-roundtrip", run.Output);
    }

    [Fact]
    public async Task A_second_push_checks_blobs_with_HEAD_and_uploads_none_again()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var target = $"{registry.Address}/push/again:v1";
        await modpod.RunAsync("push", "--tls-verify=false", image, target);
        var before = (await registry.RequestsAsync()).Count;

        var again = await modpod.RunAsync("push", "--tls-verify=false", image, target);

        var requests = (await registry.RequestsAsync()).Skip(before).ToList();
        ModpodAssert.Exit(0, again);
        Assert.Contains(requests, r => r.StartsWith("HEAD /v2/push/again/blobs/sha256:", StringComparison.Ordinal));
        Assert.DoesNotContain(requests, r => r.Contains("/blobs/uploads/", StringComparison.Ordinal));
        Assert.Contains("skipped: already exists", again.StandardError);
    }

    [Fact]
    public async Task Large_blobs_go_in_PATCHed_chunks_and_small_ones_in_one_PUT()
    {
        var unique = await TestImageCatalog.UniqueAsync("localhost/push-chunks:latest", "push-chunks");
        await modpod.LoadAsync(unique, expectSuccess: true);
        var before = (await registry.RequestsAsync()).Count;
        var environment = new Dictionary<string, string?>
        {
            ["MODULAR_PUSH_MONOLITHIC_LIMIT"] = "4096",
            ["MODULAR_PUSH_CHUNK_SIZE"] = "262144",
        };

        var push = await modpod.RunAsync(
            ["push", "--tls-verify=false", "localhost/push-chunks:latest", $"{registry.Address}/push/chunks:v1"],
            environment);

        var requests = (await registry.RequestsAsync()).Skip(before).ToList();
        ModpodAssert.Exit(0, push);
        var patches = requests.Count(r => r.StartsWith("PATCH /v2/push/chunks/blobs/uploads/", StringComparison.Ordinal));
        var puts = requests.Count(r => r.StartsWith("PUT /v2/push/chunks/blobs/uploads/", StringComparison.Ordinal));
        Assert.True(patches > 1, string.Join('\n', requests));
        Assert.Equal(3, puts);
    }

    [Fact]
    public async Task A_layer_pulled_from_another_repository_is_mounted_not_uploaded()
    {
        var (source, _) = await registry.PushAsync(
            await TestImageCatalog.UniqueAsync("localhost/mount:latest", "push-mount"), "push/mount-from");
        await modpod.RunAsync("pull", "--tls-verify=false", source);
        var before = (await registry.RequestsAsync()).Count;

        var push = await modpod.RunAsync("push", "--tls-verify=false", source, $"{registry.Address}/push/mount-to:v1");

        // The token layer came from push/mount-from as is; busybox's layer was stored from
        // an archive before, so it may be recompressed and uploaded.
        var requests = (await registry.RequestsAsync()).Skip(before).ToList();
        ModpodAssert.Exit(0, push);
        var mount = requests.SingleOrDefault(r => r.Contains("mount=sha256", StringComparison.Ordinal)
            && r.Contains("from=push%2Fmount-from", StringComparison.Ordinal) && r.EndsWith(" 201", StringComparison.Ordinal));
        Assert.True(mount is not null, string.Join('\n', requests));
        var digest = System.Text.RegularExpressions.Regex.Match(mount, "mount=(sha256(%3A|:)[0-9a-f]{64})").Groups[1].Value;
        Assert.DoesNotContain(requests, r => r.StartsWith("PUT", StringComparison.Ordinal) && r.Contains(digest, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("oci", MediaTypes.OciManifest, MediaTypes.OciLayerGzip)]
    [InlineData("v2s2", MediaTypes.DockerManifest, "application/vnd.docker.image.rootfs.diff.tar.gzip")]
    [InlineData("docker", MediaTypes.DockerManifest, "application/vnd.docker.image.rootfs.diff.tar.gzip")]
    public async Task Format_chooses_the_manifest_type_the_registry_stores(
        string format,
        string manifestType,
        string layerType)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var target = $"{registry.Address}/push/format-{format}:v1";

        var push = await modpod.RunAsync("push", "--tls-verify=false", "--format", format, image, target);
        var inspect = await Skopeo.RunAsync(
            modpod.Directory, "inspect", "--raw", "--tls-verify=false", "docker://" + target);

        ModpodAssert.Exit(0, push);
        using var json = JsonDocument.Parse(inspect.StandardOutput);
        Assert.Equal(manifestType, json.RootElement.GetProperty("mediaType").GetString());
        Assert.All(json.RootElement.GetProperty("layers").EnumerateArray(),
            l => Assert.Equal(layerType, l.GetProperty("mediaType").GetString()));
    }

    [Fact]
    public async Task Modpod_pulls_and_runs_an_image_skopeo_pushed()
    {
        var image = await TestImageCatalog.UniqueAsync("localhost/from-skopeo:latest", "from-skopeo");
        var archive = Path.Combine(modpod.Directory, "work", "from-skopeo.tar");
        await OciArchiveWriter.WriteAsync(image, archive);
        var target = $"{registry.Address}/push/from-skopeo:v1";

        var copy = await Skopeo.RunAsync(
            modpod.Directory, "--insecure-policy", "copy", "--dest-tls-verify=false",
            "oci-archive:" + archive, "docker://" + target);
        var pull = await modpod.RunAsync("pull", "-q", "--tls-verify=false", target);
        var run = await modpod.RunAsync("run", "--rm", target, "cat", "/etc/modular-token");

        File.Delete(archive);
        ModpodAssert.Exit(0, copy);
        ModpodAssert.Exit(0, pull);
        Assert.Equal(image.Id, pull.Output);
        Assert.Equal("from-skopeo", run.Output);
    }

    [Fact]
    public async Task A_push_to_a_registry_nobody_listens_on_is_a_one_line_error()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var push = await modpod.RunAsync("push", "--tls-verify=false", image, "127.0.0.1:9/push/nobody:v1");

        ModpodAssert.Exit(125, push);
        Assert.Single(push.ErrorLines, l => !l.StartsWith("Getting", StringComparison.Ordinal));
        Assert.StartsWith("Error: ", push.ErrorLines[^1]);
        Assert.Contains("connection refused", push.StandardError);
    }

    [Fact]
    public async Task A_push_over_HTTPS_to_a_plain_HTTP_registry_is_a_one_line_error()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var push = await modpod.RunAsync("push", image, $"{registry.Address}/push/tls:v1");

        ModpodAssert.Exit(125, push);
        var errors = push.ErrorLines.Where(l => l.StartsWith("Error: ", StringComparison.Ordinal)).ToList();
        Assert.Single(errors);
        Assert.Contains("pinging container registry", errors[0]);
    }

    [Fact]
    public async Task Push_of_an_image_not_stored_names_it()
    {
        var push = await modpod.RunAsync("push", "--tls-verify=false", "localhost/absent-image:v9", $"{registry.Address}/push/absent:v1");

        ModpodAssert.Exit(125, push);
        Assert.Equal("Error: localhost/absent-image:v9: image not known", push.StandardError.Trim());
    }
}
