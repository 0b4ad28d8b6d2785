using System.Text.Json;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Images;

[Collection(Collections.Registry)]
public sealed class Schema1PushTests(RegistryFixture registry, ModpodFixture modpod)
{
    [Fact]
    public async Task Push_format_v2s1_writes_a_signed_schema1_manifest_skopeo_reads()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var schema1 = await RegistryFixture.StartWithSchema1Async();
        try
        {
            var target = $"{schema1.Address}/push/schema1:v1";
            var digestFile = Path.Combine(modpod.Directory, "work", "push-schema1.digest");

            var push = await modpod.RunAsync(
                "push", "-q", "--tls-verify=false", "--format", "v2s1", "--digestfile", digestFile, image, target);
            var raw = await Skopeo.RunAsync(
                modpod.Directory, "inspect", "--raw", "--tls-verify=false", "docker://" + target);
            var inspect = await Skopeo.RunAsync(
                modpod.Directory, "inspect", "--tls-verify=false", "docker://" + target);

            ModpodAssert.Exit(0, push);
            ModpodAssert.Exit(0, raw);
            ModpodAssert.Exit(0, inspect);
            using var manifest = JsonDocument.Parse(raw.StandardOutput);
            var root = manifest.RootElement;
            Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
            Assert.Equal("push/schema1", root.GetProperty("name").GetString());
            Assert.Equal("v1", root.GetProperty("tag").GetString());
            Assert.NotEmpty(root.GetProperty("fsLayers").EnumerateArray());
            Assert.Equal(
                root.GetProperty("fsLayers").GetArrayLength(), root.GetProperty("history").GetArrayLength());
            Assert.Equal("ES256", root.GetProperty("signatures")[0].GetProperty("header").GetProperty("alg").GetString());
            using var info = JsonDocument.Parse(inspect.StandardOutput);
            Assert.Equal(await File.ReadAllTextAsync(digestFile), info.RootElement.GetProperty("Digest").GetString());
            Assert.NotEmpty(info.RootElement.GetProperty("Layers").EnumerateArray());
        }
        finally
        {
            await schema1.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_schema1_image_pulls_back_and_runs()
    {
        var unique = await TestImageCatalog.UniqueAsync("localhost/schema1-roundtrip:latest", "schema1-roundtrip");
        await modpod.LoadAsync(unique, expectSuccess: true);
        var schema1 = await RegistryFixture.StartWithSchema1Async();
        try
        {
            var target = $"{schema1.Address}/push/schema1-roundtrip:v1";
            var digestFile = Path.Combine(modpod.Directory, "work", "schema1-roundtrip.digest");
            var push = await modpod.RunAsync(
                "push", "-q", "--tls-verify=false", "--format", "v2s1", "--digestfile", digestFile,
                "localhost/schema1-roundtrip:latest", target);
            await modpod.RunAsync("rmi", "localhost/schema1-roundtrip:latest");

            var pull = await modpod.RunAsync("pull", "-q", "--tls-verify=false", target);
            var run = await modpod.RunAsync("run", "--rm", target, "cat", "/etc/modular-token");
            var digest = await modpod.RunAsync("image", "inspect", "--format", "{{.Digest}}", target);

            ModpodAssert.Exit(0, push);
            Assert.Equal(await File.ReadAllTextAsync(digestFile), digest.Output);
            ModpodAssert.Exit(0, pull);
            ModpodAssert.Exit(0, run);
            Assert.Equal("schema1-roundtrip", run.Output);
            await modpod.RunAsync("rmi", "-f", target);
        }
        finally
        {
            await schema1.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_signed_schema1_image_pulls_by_its_payload_digest()
    {
        var unique = await TestImageCatalog.UniqueAsync("localhost/schema1-bydigest:latest", "schema1-bydigest");
        await modpod.LoadAsync(unique, expectSuccess: true);
        var schema1 = await RegistryFixture.StartWithSchema1Async();
        try
        {
            var target = $"{schema1.Address}/push/schema1-bydigest:v1";
            var digestFile = Path.Combine(modpod.Directory, "work", "schema1-bydigest.digest");
            ModpodAssert.Exit(0, await modpod.RunAsync(
                "push", "-q", "--tls-verify=false", "--format", "v2s1", "--digestfile", digestFile,
                "localhost/schema1-bydigest:latest", target));
            await modpod.RunAsync("rmi", "localhost/schema1-bydigest:latest");
            var digest = await File.ReadAllTextAsync(digestFile);
            var byDigest = $"{schema1.Address}/push/schema1-bydigest@{digest}";

            var pull = await modpod.RunAsync("pull", "-q", "--tls-verify=false", byDigest);
            var run = await modpod.RunAsync("run", "--rm", byDigest, "cat", "/etc/modular-token");

            ModpodAssert.Exit(0, pull);
            ModpodAssert.Exit(0, run);
            Assert.Equal("schema1-bydigest", run.Output);
            await modpod.RunAsync("rmi", "-f", byDigest);
        }
        finally
        {
            await schema1.DisposeAsync();
        }
    }

    [Fact]
    public async Task Push_format_v2s1_to_a_registry_without_schema1_fails_with_one_error_line()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var push = await modpod.RunAsync(
            "push", "-q", "--tls-verify=false", "--format", "v2s1", image, $"{registry.Address}/push/noschema1:v1");

        ModpodAssert.Exit(125, push);
        var lines = push.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("Error: ", lines[0]);
        // distribution answers ErrSchemaV1Unsupported as its generic "unknown error".
        Assert.Contains("writing manifest", lines[0]);
        Assert.Contains("push/noschema1", lines[0]);
    }
}
