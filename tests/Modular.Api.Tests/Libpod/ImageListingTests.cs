using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Libpod;

/// <summary>
/// Image lists, inspect, history and pull parameters of both trees, as Podman's handlers
/// answer them (its apiv2 10-images file): store order, the compat tree's omissions and
/// API-level fields. Driven with curl on the service's socket.
/// </summary>
public sealed class ImageListingTests(LibpodServiceFixture service) : IClassFixture<LibpodServiceFixture>
{
    [Fact]
    public async Task Lists_keep_the_store_order_and_the_compat_list_leaves_out_manifest_lists()
    {
        await service.Store.RunAsync("manifest", "create", "localhost/api-order-list");

        var (libpodStatus, libpod) = await CurlAsync("GET", "/libpod/images/json");
        var (compatStatus, compat) = await CurlAsync("GET", "/images/json");
        var (legacyStatus, legacy) = await CurlAsync("GET", "/images/json?filter=api-nonesuch");
        await service.Store.RunAsync("manifest", "rm", "localhost/api-order-list");

        Assert.Equal((200, 200, 200), (libpodStatus, compatStatus, legacyStatus));
        var names = Array(libpod).Select(i => i!["Names"]?[0]?.ToString()).ToList();
        Assert.True(names.IndexOf(ModpodFixture.Busybox) < names.IndexOf("localhost/api-order-list:latest"));
        Assert.True(Array(libpod).Single(i => i!["Names"]?[0]?.ToString() == "localhost/api-order-list:latest")!
            ["IsManifestList"]!.GetValue<bool>());
        Assert.DoesNotContain(Array(compat), i => i!["RepoTags"]!.ToJsonString().Contains("api-order-list"));
        Assert.All(Array(compat), i => Assert.Equal(-1, i!["SharedSize"]!.GetValue<int>()));
        Assert.Empty(Array(legacy));
    }

    [Fact]
    public async Task Compat_inspect_fields_follow_the_clients_api_level()
    {
        // Docker clients send an image name's slashes as they are.
        var name = ModpodFixture.Busybox;

        var (_, old) = await CurlAsync("GET", $"/v1.43/images/{name}/json");
        var (_, current) = await CurlAsync("GET", $"/v1.45/images/{name}/json");

        Assert.True(Json(old)["VirtualSize"]!.GetValue<long>() > 0);
        Assert.Matches("^[0-9a-f]{11}$", Json(old)["ContainerConfig"]!["Hostname"]!.ToString());
        Assert.Null(Json(current)["VirtualSize"]);
        Assert.Null(Json(current)["ContainerConfig"]);
    }

    [Fact]
    public async Task Compat_history_prefixes_every_id_missing_ones_too()
    {
        var name = ModpodFixture.Busybox;

        var (status, body) = await CurlAsync("GET", $"/images/{name}/history");

        Assert.Equal(200, status);
        Assert.All(Array(body), entry => Assert.StartsWith("sha256:", entry!["Id"]!.ToString()));
    }

    [Fact]
    public async Task Libpod_pull_refuses_compat_mode_with_pull_progress()
    {
        var (status, body) = await CurlAsync(
            "POST", "/libpod/images/pull?reference=localhost/api-x&compatMode=true&pullProgress=true", "{}");

        Assert.Equal(400, status);
        Assert.Equal("'compatMode' and 'pullProgress' cannot be used simultaneously", Json(body)["cause"]?.ToString());
    }

    private static JsonObject Json(string body) => JsonNode.Parse(body)!.AsObject();

    private static JsonArray Array(string body) => JsonNode.Parse(body)!.AsArray();

    private async Task<(int Status, string Body)> CurlAsync(string method, string path, string? data = null)
    {
        List<string> args = ["-sS", "--unix-socket", service.Socket, "-X", method, "-w", "\n%{http_code}"];
        args.AddRange(data is null ? [] : ["-H", "Content-Type: application/json", "-d", data]);
        args.Add("http://d" + path);
        var result = await Cli.Wrap("curl").WithArguments(args)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        var output = result.StandardOutput;
        var cut = output.LastIndexOf('\n');
        return (int.Parse(output[(cut + 1)..], System.Globalization.CultureInfo.InvariantCulture), output[..cut]);
    }
}
