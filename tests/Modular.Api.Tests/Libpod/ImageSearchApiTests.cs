using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.Api.Tests.Libpod;

/// <summary>
/// GET /libpod/images/search and /images/search against a docker-registry on 127.0.0.1:
/// Podman's report objects, its 404 for an empty Docker-tree answer, 500 for failures.
/// </summary>
public sealed class ImageSearchApiTests(LibpodServiceFixture service)
    : IClassFixture<LibpodServiceFixture>, IAsyncLifetime
{
    private readonly RegistryFixture _registry = new();

    public async Task InitializeAsync()
    {
        await _registry.InitializeAsync();
        await _registry.PushAsync(await TestImageCatalog.BusyboxAsync(), "apisearch/found", "v1");
    }

    public Task DisposeAsync() => _registry.DisposeAsync();

    [Fact]
    public async Task Both_trees_answer_with_Podmans_reports()
    {
        var term = Uri.EscapeDataString($"{_registry.Address}/apisearch/fo");

        var (status, body) = await CurlAsync($"/v5.0.0/libpod/images/search?term={term}&tlsVerify=false");
        var (docker, dockerBody) = await CurlAsync($"/v1.44/images/search?term={term}&tlsVerify=false");
        var (tags, tagsBody) = await CurlAsync(
            $"/libpod/images/search?term={Uri.EscapeDataString($"{_registry.Address}/apisearch/found")}&tlsVerify=false&listTags=true");

        Assert.Equal(200, status);
        var first = JsonNode.Parse(body)!.AsArray().Single()!.AsObject();
        Assert.Equal(
            ["Index", "Name", "Description", "Stars", "Official", "Automated", "Tag"],
            first.Select(p => p.Key).ToArray());
        Assert.Equal($"{_registry.Address}/apisearch/found", first["Name"]!.ToString());
        Assert.Equal(200, docker);
        Assert.Single(JsonNode.Parse(dockerBody)!.AsArray());
        Assert.Equal(200, tags);
        Assert.Equal("v1", JsonNode.Parse(tagsBody)!.AsArray().Single()!["Tag"]!.ToString());
    }

    [Fact]
    public async Task Nothing_found_is_empty_in_libpod_and_404_in_the_docker_tree()
    {
        var term = Uri.EscapeDataString($"{_registry.Address}/apisearch/nothing-like-this");

        var (status, body) = await CurlAsync($"/libpod/images/search?term={term}&tlsVerify=false");
        var (docker, _) = await CurlAsync($"/images/search?term={term}&tlsVerify=false");
        var (failed, error) = await CurlAsync("/libpod/images/search?term=127.0.0.1:1/x&tlsVerify=false");

        Assert.Equal(200, status);
        Assert.Equal("[]", body.Trim());
        Assert.Equal(404, docker);
        Assert.Equal(500, failed);
        Assert.Contains("couldn't search registry", JsonNode.Parse(error)!["message"]!.ToString());
    }

    private async Task<(int Status, string Body)> CurlAsync(string path)
    {
        List<string> args = ["-sS", "--unix-socket", service.Socket, "-w", "\n%{http_code}", "http://d" + path];
        var result = await Cli.Wrap("curl").WithArguments(args)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        var output = result.StandardOutput;
        var cut = output.LastIndexOf('\n');
        return (int.Parse(output[(cut + 1)..], System.Globalization.CultureInfo.InvariantCulture), output[..cut]);
    }
}
