using System.Formats.Tar;
using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Libpod;

/// <summary>
/// Build, load, import, commit and remove through both trees, answered as Podman's
/// handlers answer them (its apiv2 suite's checks): driven with curl on the service's
/// socket, bodies sent from files as that suite sends them.
/// </summary>
public sealed class ImageUploadAnswerTests(LibpodServiceFixture service)
    : IClassFixture<LibpodServiceFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("modular-api-upload-").FullName;

    [Fact]
    public async Task LibpodBuildRefusesAJsonBodyAndAQuietBuildAnswersOnlyTheId()
    {
        var context = ContextTar($"FROM {ModpodFixture.Busybox}\nRUN echo held-back >&2\n");

        var (refused, error) = await CurlAsync("POST", "/libpod/build?dockerfile=containerfile", context, "application/json");
        var (status, body) = await CurlAsync("POST", "/libpod/build?dockerfile=containerfile&q=true", context);
        var (compat, compatBody) = await CurlAsync("POST", "/v1.44/build?dockerfile=containerfile&q=1", context);

        Assert.Equal(400, refused);
        Assert.Equal("Content-Type: application/json is not supported. Should be \"application/x-tar\"",
            Json(error)["cause"]?.ToString());
        Assert.Equal(200, status);
        Assert.Matches("^[0-9a-f]{64}\n$", Assert.Single(Lines(body))["stream"]!.ToString());
        Assert.Equal(200, compat);
        Assert.Matches("^[0-9a-f]{64}\n$", Assert.Single(Lines(compatBody))["stream"]!.ToString());
        Assert.DoesNotContain("held-back", compatBody);
    }

    [Fact]
    public async Task BuildRefusesABadPlatformAndARemoteContextBeforeBuilding()
    {
        var context = ContextTar($"FROM {ModpodFixture.Busybox}\n");

        var (badPlatform, platformError) = await CurlAsync(
            "POST", "/build?q=1&dockerfile=containerfile&platform=linux/amd64,test", context);
        var (remote, remoteError) = await CurlAsync(
            "POST", "/libpod/build?remote=https%3A%2F%2Fexample.invalid%2Frepo.git", context);

        Assert.Equal(400, badPlatform);
        Assert.Equal(
            "failed to parse query parameter 'platform': \"test\": invalid platform syntax for "
            + "--platform=\"test\": \"test\": unknown operating system or architecture: invalid argument",
            Json(platformError)["message"]?.ToString());
        Assert.Equal(500, remote);
        Assert.Contains("remote build contexts are not supported", Json(remoteError)["message"]?.ToString());
    }

    [Fact]
    public async Task ImportFromTheBodyNamesTheImageAsDockerHubs()
    {
        var rootfs = ContextTar("not a Containerfile, just a file\n");

        var (status, body) = await CurlAsync("POST", "/v1.44/images/create?fromSrc=-&repo=api-imported&tag=v1", rootfs);
        var (url, _) = await CurlAsync("POST", "/v1.44/images/create?fromSrc=http%3A%2F%2F127.0.0.1%3A9%2Fx.tar", rootfs);
        var inspect = await service.Store.RunAsync("image", "inspect", "--format", "{{.Id}}", "docker.io/library/api-imported:v1");

        Assert.Equal(200, status);
        Assert.Matches("^sha256:[0-9a-f]{64}$", Json(body)["id"]!.ToString());
        Assert.Equal(500, url);
        Assert.Equal(0, inspect.ExitCode);
        Assert.Equal(Json(body)["id"]!.ToString(), "sha256:" + inspect.Output);
        await service.Store.RunAsync("rmi", "docker.io/library/api-imported:v1");
    }

    [Fact]
    public async Task LoadUploadsAnArchiveInBothTrees()
    {
        await service.Store.RunAsync("tag", ModpodFixture.Busybox, "localhost/api-load:v1");
        var archive = Path.Combine(_work, "load.tar");
        await service.Store.RunAsync("save", "-o", archive, "localhost/api-load:v1");
        await service.Store.RunAsync("rmi", "localhost/api-load:v1");

        var (compat, compatBody) = await CurlAsync("POST", "/v1.44/images/load", archive);
        await service.Store.RunAsync("rmi", "localhost/api-load:v1");
        var (libpod, libpodBody) = await CurlAsync("POST", "/libpod/images/load", archive);
        var (broken, _) = await CurlAsync("POST", "/libpod/images/load", ContextTar("FROM scratch\n"));

        Assert.Equal(200, compat);
        Assert.Equal("Loaded image: localhost/api-load:v1", Json(compatBody)["stream"]?.ToString());
        Assert.Equal(200, libpod);
        Assert.Equal("localhost/api-load:v1", Json(libpodBody)["Names"]![0]!.ToString());
        Assert.Equal(500, broken);
        await service.Store.RunAsync("rmi", "localhost/api-load:v1");
    }

    [Fact]
    public async Task CommitWritesTheCommentInDockerFormatAndRefusesItWithOci()
    {
        await service.Store.RunAsync("create", "--name", "api-commit-src", "--network", "none", ModpodFixture.Busybox, "true");

        var (oci, ociError) = await CurlAsync("POST", "/libpod/commit?container=api-commit-src&comment=foo");
        var (docker, committed) = await CurlAsync(
            "POST", "/v1.44/commit?container=api-commit-src&repo=api-committed&tag=v3&comment=abcd"
            + "&changes=CMD%20/bin/bar%0aEXPOSE%209090");
        var (inspect, image) = await CurlAsync("GET", "/v1.44/images/docker.io/library/api-committed:v3/json");

        Assert.Equal(500, oci);
        Assert.Equal("messages are only compatible with the docker image format (-f docker)",
            Json(ociError)["cause"]?.ToString());
        Assert.Equal(201, docker);
        Assert.Matches("^[0-9a-f]{64}$", Json(committed)["Id"]!.ToString());
        Assert.Equal(200, inspect);
        Assert.Equal("abcd", Json(image)["Comment"]?.ToString());
        Assert.Contains("9090/tcp", Json(image)["Config"]!["ExposedPorts"]!.ToJsonString());
        await service.Store.RunAsync("rm", "api-commit-src");
        await service.Store.RunAsync("rmi", "docker.io/library/api-committed:v3");
    }

    [Fact]
    public async Task CompatForcedRemovalOfAnImageInUseIsAConflictAndKeepsTheContainer()
    {
        // An image of its own: removing one of several names would only untag it.
        await service.Store.RunAsync("import", ContextTar("FROM scratch\n"), "localhost/api-in-use:v1");
        await service.Store.RunAsync("create", "--name", "api-in-use", "--network", "none", "localhost/api-in-use:v1", "true");

        var (status, body) = await CurlAsync("DELETE", "/v1.44/images/localhost/api-in-use:v1?force=true");

        Assert.Equal(409, status);
        Assert.StartsWith("image localhost/api-in-use:v1 is in use: ", Json(body)["message"]?.ToString());
        Assert.True(await service.Store.ContainerExistsAsync("api-in-use"));
        await service.Store.RunAsync("rm", "api-in-use");
        await service.Store.RunAsync("rmi", "localhost/api-in-use:v1");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>A tar holding one file, "containerfile", as the apiv2 suite uploads a context.</summary>
    private string ContextTar(string containerfile)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_work, "ctx-" + Guid.NewGuid().ToString("N"))).FullName;
        File.WriteAllText(Path.Combine(folder, "containerfile"), containerfile);
        var tar = folder + ".tar";
        TarFile.CreateFromDirectory(folder, tar, includeBaseDirectory: false);
        return tar;
    }

    private static JsonObject Json(string body) => JsonNode.Parse(body)!.AsObject();

    private static List<JsonObject> Lines(string body) =>
        [.. body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())];

    private async Task<(int Status, string Body)> CurlAsync(
        string method,
        string path,
        string? file = null,
        string contentType = "application/x-tar")
    {
        List<string> args = ["-sS", "--unix-socket", service.Socket, "-X", method, "-w", "\n%{http_code}"];
        args.AddRange(file is null ? [] : ["-H", "Content-Type: " + contentType, "--data-binary", "@" + file]);
        args.Add("http://d" + path);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var result = await Cli.Wrap("curl").WithArguments(args)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
        var output = result.StandardOutput;
        var cut = output.LastIndexOf('\n');
        return (int.Parse(output[(cut + 1)..], System.Globalization.CultureInfo.InvariantCulture), output[..cut]);
    }
}
