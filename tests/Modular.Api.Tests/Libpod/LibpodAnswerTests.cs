using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Libpod;

/// <summary>
/// The libpod tree answers as Podman's does where its own apiv2 suite looks: Go's
/// error texts and causes, bodies decoded as Go decodes them, system df and prune,
/// image history and export. Driven with curl on the service's socket.
/// </summary>
public sealed class LibpodAnswerTests(LibpodServiceFixture service) : IClassFixture<LibpodServiceFixture>
{
    [Fact]
    public async Task UndecodableFiltersGiveGoTextAsCause()
    {
        var (status, body) = await CurlAsync("GET", "/v5.0.0/libpod/volumes/json?filters=garb1age%7D");

        Assert.Equal(500, status);
        Assert.Equal("invalid character 'g' looking for beginning of value", Json(body)["cause"]?.ToString());
        Assert.StartsWith("failed to parse filters parameter: ", Json(body)["message"]?.ToString());
    }

    [Fact]
    public async Task VolumeCreateReadsKeysInAnyCaseAndAnswersATakenNameWith500()
    {
        var (status, body) = await CurlAsync("POST", "/libpod/volumes/create", "{\"name\":\"api-any-case\"}}");
        var (again, error) = await CurlAsync("POST", "/libpod/volumes/create", "{\"Name\":\"api-any-case\"}");

        Assert.Equal(201, status);
        Assert.Equal("api-any-case", Json(body)["Name"]?.ToString());
        Assert.Equal(500, again);
        Assert.Equal("volume already exists", Json(error)["cause"]?.ToString());
        await service.Store.RunAsync("volume", "rm", "api-any-case");
    }

    [Fact]
    public async Task SystemDfListsWhatTheStoreHolds()
    {
        await service.Store.RunAsync("volume", "create", "api-df");

        var (status, body) = await CurlAsync("GET", "/libpod/system/df");
        var (dockerStatus, docker) = await CurlAsync("GET", "/v1.44/system/df");

        Assert.Equal(200, status);
        Assert.Contains(Json(body)["Volumes"]!.AsArray(), v => v?["VolumeName"]?.ToString() == "api-df");
        Assert.True(Json(body)["ImagesSize"]!.GetValue<long>() > 0);
        Assert.Equal(200, dockerStatus);
        Assert.Contains(Json(docker)["Volumes"]!.AsArray(), v => v?["UsageData"]?["RefCount"]?.GetValue<int>() == 0);
        Assert.Null(Json(docker)["Images"]![0]!["VirtualSize"]);
        await service.Store.RunAsync("volume", "rm", "api-df");
    }

    [Fact]
    public async Task ImageHistoryAndExport()
    {
        var name = Uri.EscapeDataString(ModpodFixture.Busybox);
        var (status, body) = await CurlAsync("GET", $"/libpod/images/{name}/history");
        var (missing, _) = await CurlAsync("GET", "/libpod/images/api-nonesuch/history");
        var (badCompress, _) = await CurlAsync("GET", $"/libpod/images/{name}/get?compress=bar");
        var (export, tar) = await CurlAsync("GET", $"/libpod/images/{name}/get");

        Assert.Equal(200, status);
        Assert.True(JsonNode.Parse(body)!.AsArray()[0]!["Created"]!.GetValue<long>() > 0);
        Assert.Equal(404, missing);
        Assert.Equal(400, badCompress);
        Assert.Equal(200, export);
        Assert.Contains("manifest.json", tar);
    }

    [Fact]
    public async Task PauseAndUnpauseInTheWrongStateAnswer500AndAnUnknownName404()
    {
        await service.Store.EnsureBusyboxAsync();
        await service.Store.RunAsync("create", "--name", "api-pause-created", "--network", "none",
            ModpodFixture.Busybox, "true");

        var (pause, paused) = await CurlAsync("POST", "/v5.0.0/libpod/containers/api-pause-created/pause");
        var (unpause, unpaused) = await CurlAsync("POST", "/v5.0.0/libpod/containers/api-pause-created/unpause");
        var (missing, _) = await CurlAsync("POST", "/v5.0.0/libpod/containers/api-pause-nosuch/pause");
        await service.Store.RunAsync("rm", "-f", "api-pause-created");

        Assert.Equal(500, pause);
        Assert.Contains("pause", Json(paused)["message"]?.ToString());
        Assert.Equal(500, unpause);
        Assert.Contains("unpause", Json(unpaused)["message"]?.ToString());
        Assert.Equal(404, missing);
    }

    private static JsonObject Json(string body) => JsonNode.Parse(body)!.AsObject();

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
