using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Libpod;

/// <summary>
/// Container routes as Podman's apiv2 suite (20-containers, 26-containersWait) looks at
/// them: wait conditions and kept exit codes, stats in both trees, top through ps(1),
/// update, and the inspect and list keys Podman 5 fills. Driven with curl on the socket;
/// every container runs with --network none and is removed even on failure.
/// </summary>
public sealed class ContainerApiTests(LibpodServiceFixture service) : IClassFixture<LibpodServiceFixture>
{
    [Fact]
    public async Task NextExitWaitsForARunThatStartsAfterTheRequest()
    {
        await RunAsync("create", "--name", "api-nx", "--network", "none", ModpodFixture.Busybox, "sh", "-c", "exit 3");
        try
        {
            await RunAsync("start", "api-nx");
            await RunAsync("wait", "api-nx");

            // The run above ended before this request: nothing to report within 2s.
            var (timedOut, _, _) = await CurlAsync("POST", "/containers/api-nx/wait?condition=next-exit", maxSeconds: 2);
            var pending = CurlAsync("POST", "/containers/api-nx/wait?condition=next-exit");
            await Task.Delay(1000);
            await RunAsync("start", "api-nx");
            var (_, status, body) = await pending;

            Assert.Equal(28, timedOut); // curl's "operation timed out"
            Assert.Equal(200, status);
            Assert.Equal(3, Json(body)["StatusCode"]!.GetValue<int>());
        }
        finally
        {
            await service.Store.RunAsync("rm", "-f", "api-nx");
        }
    }

    [Fact]
    public async Task WaitByFullIdAfterPlainRmGivesTheKeptExitCode()
    {
        var id = (await RunAsync("run", "-d", "--name", "api-rmcode", "--network", "none", ModpodFixture.Busybox, "sh", "-c", "exit 7")).Output;
        await service.Store.RunAsync("wait", "api-rmcode");
        await RunAsync("create", "--name", "api-never", "--network", "none", ModpodFixture.Busybox, "true");
        await RunAsync("rm", "api-rmcode");

        var (_, byId, code) = await CurlAsync("POST", $"/libpod/containers/{id}/wait");
        var (_, byName, _) = await CurlAsync("POST", "/libpod/containers/api-rmcode/wait");
        var files = Directory.EnumerateFileSystemEntries(service.Store.Directory, "*", SearchOption.AllDirectories)
            .Where(f => f.Contains(id, StringComparison.Ordinal));
        await service.Store.RunAsync("rm", "api-never");

        Assert.Equal(200, byId);
        Assert.Equal("7", code.Trim());
        Assert.Equal(404, byName);
        Assert.Empty(files);
    }

    [Fact]
    public async Task StatsAnswerInBothTreesAndForSeveralContainers()
    {
        var id = (await RunAsync("run", "-d", "--name", "api-stats", "--network", "none", "-m", "64m",
            ModpodFixture.Busybox, "sleep", "600")).Output;
        try
        {
            var (_, libpod, one) = await CurlAsync("GET", "/libpod/containers/api-stats/stats?stream=false");
            var (_, docker, compat) = await CurlAsync("GET", "/v1.44/containers/api-stats/stats?stream=false");
            var (_, many, report) = await CurlAsync("GET", $"/libpod/containers/stats?containers={id}&stream=false");
            var (_, missing, _) = await CurlAsync("GET", "/libpod/containers/stats?containers=api-nonesuch&stream=false");

            Assert.Equal(200, libpod);
            Assert.Equal(id, Json(one)["Id"]?.ToString());
            Assert.Equal(67108864, Json(one)["memory_stats"]!["limit"]!.GetValue<long>());
            Assert.Equal(200, docker);
            Assert.Equal(id, Json(compat)["id"]?.ToString());
            Assert.Null(Json(compat)["Id"]);
            Assert.Equal(200, many);
            Assert.Null(Json(report)["Error"]);
            Assert.Equal(id, Json(report)["Stats"]![0]!["ContainerID"]?.ToString());
            Assert.Equal(67108864, Json(report)["Stats"]![0]!["MemLimit"]!.GetValue<long>());
            Assert.Equal(404, missing);
        }
        finally
        {
            await service.Store.RunAsync("rm", "-f", "-t", "0", "api-stats");
        }
    }

    [Fact]
    public async Task TopRunsTheHostsPsInTheContainersPidNamespace()
    {
        await RunAsync("run", "-d", "--name", "api-top", "--network", "none", ModpodFixture.Busybox, "sleep", "600");
        try
        {
            var (_, status, body) = await CurlAsync("GET", "/v1.44/containers/api-top/top");
            var (_, invalid, error) = await CurlAsync("GET", "/libpod/containers/api-top/top?ps_args=--invalid");

            Assert.Equal(200, status);
            Assert.Equal(["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"],
                Json(body)["Titles"]!.AsArray().Select(t => t!.ToString()));
            var process = Assert.Single(Json(body)["Processes"]!.AsArray());
            Assert.Equal("1", process![1]!.ToString());
            Assert.Equal("sleep 600", process[7]!.ToString());
            Assert.Equal(500, invalid);
            Assert.Contains("unknown gnu long option", Json(error)["cause"]!.ToString());
        }
        finally
        {
            await service.Store.RunAsync("rm", "-f", "-t", "0", "api-top");
        }
    }

    [Fact]
    public async Task UpdateChangesLimitsInBothTrees()
    {
        await RunAsync("create", "--name", "api-upd", "--network", "none", ModpodFixture.Busybox, "true");
        try
        {
            var (_, docker, warnings) = await CurlAsync("POST", "/v1.44/containers/api-upd/update",
                "{\"Memory\":134217728,\"Ulimits\":[{\"Name\":\"memlock\",\"Soft\":-1,\"Hard\":-1}]}");
            var (_, libpod, id) = await CurlAsync("POST", "/libpod/containers/api-upd/update",
                "{\"pids\":{\"limit\":77},\"r_limits\":[{\"type\":\"nofile\",\"soft\":512,\"hard\":1024}]}");
            var inspect = JsonNode.Parse((await RunAsync("inspect", "api-upd")).StandardOutput)![0]!["HostConfig"]!;
            var ulimits = inspect["Ulimits"]!.AsArray();

            Assert.Equal(200, docker);
            Assert.Empty(Json(warnings)["Warnings"]!.AsArray());
            Assert.Equal(201, libpod);
            Assert.Equal(JsonNode.Parse(id)!.ToString(), (await RunAsync("inspect", "-f", "{{.Id}}", "api-upd")).Output);
            Assert.Equal(134217728, inspect["Memory"]!.GetValue<long>());
            Assert.Equal(77, inspect["PidsLimit"]!.GetValue<long>());
            // Unlimited is clamped to what this host allows, as the runtime applies it.
            Assert.Contains(ulimits, u => u?["Name"]?.ToString() == "RLIMIT_MEMLOCK");
            Assert.Contains(ulimits, u => u?["Name"]?.ToString() == "RLIMIT_NOFILE" && u["Hard"]!.GetValue<long>() == 1024);
        }
        finally
        {
            await service.Store.RunAsync("rm", "-f", "api-upd");
        }
    }

    [Fact]
    public async Task InspectAndListShowWhatPodmanFills()
    {
        await RunAsync("create", "--name", "api-insp", "--network", "none", "--expose", "8080",
            ModpodFixture.Busybox, "sleep", "600");
        try
        {
            var (_, _, before) = await CurlAsync("GET", "/libpod/containers/api-insp/json");
            await RunAsync("start", "api-insp");
            var (_, _, after) = await CurlAsync("GET", "/libpod/containers/api-insp/json");
            var (_, _, list) = await CurlAsync("GET", "/v1.44/containers/json?filters=%7B%22name%22%3A%5B%22api-insp%22%5D%7D");

            Assert.Equal("", Json(before)["HostsPath"]?.ToString());
            Assert.Equal("", Json(before)["ResolvConfPath"]?.ToString());
            Assert.EndsWith("/hostname", Json(after)["HostnamePath"]?.ToString());
            Assert.Equal("local", Json(after)["Config"]!["HealthLogDestination"]?.ToString());
            Assert.Equal(5, Json(after)["Config"]!["HealthcheckMaxLogCount"]!.GetValue<int>());
            Assert.Equal(500, Json(after)["Config"]!["HealthcheckMaxLogSize"]!.GetValue<int>());
            var port = JsonNode.Parse(list)![0]!["Ports"]![0]!;
            Assert.Equal(8080, port["PrivatePort"]!.GetValue<int>());
            Assert.Equal("tcp", port["Type"]?.ToString());
        }
        finally
        {
            await service.Store.RunAsync("rm", "-f", "-t", "0", "api-insp");
        }
    }

    [Fact]
    public async Task DockerCreateTakesMountsAndRefusesAnotherPlatform()
    {
        var (_, created, body) = await CurlAsync("POST", "/v1.44/containers/create?name=api-mnt",
            "{\"Image\":\"" + ModpodFixture.Busybox + "\",\"HostConfig\":{\"NetworkMode\":\"none\",\"Mounts\":["
            + "{\"Type\":\"tmpfs\",\"Target\":\"/mnt/scratch\",\"TmpfsOptions\":{\"SizeBytes\":1024,\"Mode\":493}},"
            + "{\"Type\":\"bind\",\"Source\":\"/tmp\",\"Target\":\"/mnt/host\"}]}}");
        var (_, other, _) = await CurlAsync("POST", "/v1.44/containers/create?platform=linux/aarch64",
            "{\"Image\":\"" + ModpodFixture.Busybox + "\",\"HostConfig\":{\"NetworkMode\":\"none\"}}");
        try
        {
            var (_, _, inspect) = await CurlAsync("GET", "/v1.44/containers/api-mnt/json");
            var host = Json(inspect)["HostConfig"]!;

            Assert.Equal(201, created);
            Assert.NotNull(Json(body)["Id"]);
            Assert.Contains("size=1024", host["Tmpfs"]!["/mnt/scratch"]!.ToString());
            Assert.Contains("mode=755", host["Tmpfs"]!["/mnt/scratch"]!.ToString());
            Assert.StartsWith("/tmp:/mnt/host:", host["Binds"]![0]!.ToString());
            Assert.Equal(404, other);
        }
        finally
        {
            await service.Store.RunAsync("rm", "-f", "api-mnt");
        }
    }

    private static JsonObject Json(string body) => JsonNode.Parse(body)!.AsObject();

    private async Task<ModpodResult> RunAsync(params string[] args)
    {
        var result = await service.Store.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: {result.StandardError}");
        return result;
    }

    private async Task<(int CurlExit, int Status, string Body)> CurlAsync(
        string method, string path, string? data = null, int maxSeconds = 60)
    {
        List<string> args = ["-sS", "-m", maxSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--unix-socket", service.Socket, "-X", method, "-w", "\n%{http_code}"];
        args.AddRange(data is null ? [] : ["-H", "Content-Type: application/json", "-d", data]);
        args.Add("http://d" + path);
        var result = await Cli.Wrap("curl").WithArguments(args)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(new CancellationTokenSource(TimeSpan.FromSeconds(maxSeconds + 30)).Token);
        var output = result.StandardOutput;
        var cut = output.LastIndexOf('\n');
        var status = cut >= 0 && int.TryParse(output[(cut + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var code)
            ? code : 0;
        return (result.ExitCode, status, cut >= 0 ? output[..cut] : output);
    }
}
