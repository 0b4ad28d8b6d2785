using System.Text.Json;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.FieldCases;

public sealed partial class FieldCaseTests
{
    [Fact]
    public async Task MAN05_a_zstd_push_writes_zstd_layers_in_an_OCI_manifest_that_pulls_back_and_runs()
    {
        var registry = new RegistryFixture();
        await registry.InitializeAsync();
        try
        {
            await Man05Async(registry);
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }

    private async Task Man05Async(RegistryFixture registry)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var target = $"{registry.Address}/man05/bb:zstd";
        using var http = new HttpClient();

        var push = await modpod.RunAsync("push", "--tls-verify=false", "--compression-format", "zstd", image, target);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{registry.Address}/v2/man05/bb/manifests/zstd");
        request.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
        using var response = await http.SendAsync(request);
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var layers = manifest.RootElement.GetProperty("layers").EnumerateArray().ToList();
        var first = await http.GetByteArrayAsync(
            $"http://{registry.Address}/v2/man05/bb/blobs/{layers[0].GetProperty("digest").GetString()}");
        await modpod.RunAsync("rmi", "-f", target);
        var run = await modpod.RunAsync("run", "--rm", "--tls-verify=false", target, "echo", "zstd-ok");

        ModpodAssert.Exit(0, push);
        Assert.Equal("application/vnd.oci.image.manifest.v1+json", manifest.RootElement.GetProperty("mediaType").GetString());
        Assert.All(layers, l => Assert.Equal(
            "application/vnd.oci.image.layer.v1.tar+zstd", l.GetProperty("mediaType").GetString()));
        Assert.Equal("28b52ffd", Convert.ToHexStringLower(first.AsSpan(0, 4)));
        ModpodAssert.Exit(0, run);
        Assert.Equal("zstd-ok", run.Output);
    }
}
