using System.Net;
using System.Text;
using System.Text.Json;
using Modular.Api.Tests.Docker;
using Modular.Api.Tests.Service;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.FieldCases;

/// <summary>
/// The REST API cases of /work/shared/field-cases.md (API-01..03), each checked as its "check"
/// block says, against the staged service on a socket in a store of its own.
/// </summary>
public sealed class ApiFieldCaseTests(DockerServiceFixture service) : IClassFixture<DockerServiceFixture>
{
    private ModpodFixture Modpod => service.Modpod;

    [Fact]
    public async Task API01_compat_create_makes_missing_binds_clears_the_entrypoint_and_filters_labels_exactly()
    {
        var bind = Path.Combine(Modpod.Directory, "api01-bind");
        var context = Path.Combine(Modpod.Directory, "api01-ctx");
        Directory.CreateDirectory(context);
        await File.WriteAllTextAsync(
            Path.Combine(context, "Containerfile"),
            "FROM localhost/busybox:latest\nENTRYPOINT [\"echo\",\"from-entrypoint\"]\n");
        ModpodAssert.Exit(0, await Modpod.RunAsync("build", "-q", "-t", "localhost/api01", context));
        using var http = UnixSocketHttp.Create(service.Socket);
        var body = new
        {
            Image = "localhost/api01",
            Entrypoint = Array.Empty<string>(),
            Cmd = new[] { "sh", "-c", "echo hi > /data/f; echo cleared" },
            Labels = new Dictionary<string, string>
            {
                ["com.docker.compose.project"] = "p1",
                ["com.docker.compose.service"] = "web",
            },
            HostConfig = new { Binds = new[] { bind + ":/data:rw" } },
        };
        try
        {
            var ping = await http.GetStringAsync("/_ping");
            using var create = await http.PostAsync(
                "/v1.41/containers/create?name=api01",
                new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
            ModpodAssert.Exit(0, await Modpod.RunAsync(
                "create", "--name", "api01-other", "--label", "com.docker.compose.project=p2",
                "localhost/busybox:latest", "true"));
            using var start = await http.PostAsync("/containers/api01/start", null);
            using var wait = await http.PostAsync("/v1.41/containers/api01/wait", null);
            var waited = JsonDocument.Parse(await wait.Content.ReadAsStringAsync());
            var logs = await Modpod.RunAsync("logs", "api01");
            var filters = Uri.EscapeDataString("{\"label\":[\"com.docker.compose.project=p1\"]}");
            var list = JsonDocument.Parse(await http.GetStringAsync($"/v1.41/containers/json?all=1&filters={filters}"));

            Assert.Equal("OK", ping);
            Assert.Equal(HttpStatusCode.Created, create.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, start.StatusCode);
            Assert.Equal(0, waited.RootElement.GetProperty("StatusCode").GetInt32());
            Assert.Equal("cleared\n", logs.StandardOutput);
            Assert.Equal("hi\n", await File.ReadAllTextAsync(Path.Combine(bind, "f")));
            var names = list.RootElement.EnumerateArray()
                .SelectMany(c => c.GetProperty("Names").EnumerateArray().Select(n => n.GetString()));
            Assert.Equal(["/api01"], names);
        }
        finally
        {
            await Modpod.RunAsync("rm", "-f", "api01", "api01-other");
        }
    }

    [Fact]
    public async Task API02_compat_pull_takes_the_tag_query_and_accepts_a_tag_given_twice()
    {
        var registry = new RegistryFixture();
        await registry.InitializeAsync();
        try
        {
            await PullTwiceAsync(registry);
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }

    private async Task PullTwiceAsync(RegistryFixture registry)
    {
        await File.AppendAllTextAsync(
            Path.Combine(Modpod.Directory, "registries.conf"),
            $"\n[[registry]]\nlocation = \"{registry.Address}\"\ninsecure = true\n");
        var remote = registry.Address + "/api02/bb";
        ModpodAssert.Exit(0, await Modpod.RunAsync(
            "push", "--tls-verify=false", "localhost/busybox:latest", remote + ":v1"));
        using var http = UnixSocketHttp.Create(service.Socket);

        using var first = await http.PostAsync($"/v1.41/images/create?fromImage={remote}&tag=v1", null);
        var firstBody = await first.Content.ReadAsStringAsync();
        var firstExists = await Modpod.RunAsync("image", "exists", remote + ":v1");
        await Modpod.RunAsync("rmi", "-f", remote + ":v1");
        using var second = await http.PostAsync(
            $"/v1.41/images/create?fromImage={Uri.EscapeDataString(remote + ":v1")}&tag=v1", null);
        var secondBody = await second.Content.ReadAsStringAsync();
        var secondExists = await Modpod.RunAsync("image", "exists", remote + ":v1");
        await Modpod.RunAsync("rmi", "-f", remote + ":v1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.DoesNotContain("\"error", firstBody);
        Assert.DoesNotContain("\"error", secondBody);
        ModpodAssert.Exit(0, firstExists);
        ModpodAssert.Exit(0, secondExists);
        Assert.DoesNotContain("/manifests/latest", await File.ReadAllTextAsync(registry.AccessLog));
    }

    [Fact]
    public async Task API03_events_stream_sends_headers_first_and_filters_die_with_its_exit_code()
    {
        using var http = UnixSocketHttp.Create(service.Socket);
        var filters = Uri.EscapeDataString("{\"event\":[\"die\"],\"container\":[\"api03\"]}");
        using var window = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            using var response = await http.GetAsync(
                $"/v1.41/events?filters={filters}", HttpCompletionOption.ResponseHeadersRead, window.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var stream = await response.Content.ReadAsStreamAsync(window.Token);
            using var reader = new StreamReader(stream);

            var run = await Modpod.RunAsync("run", "--name", "api03", "localhost/busybox:latest", "sh", "-c", "exit 3");
            var line = await reader.ReadLineAsync(window.Token);
            using var extra = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var more = await ReadMoreAsync(reader, extra.Token);

            ModpodAssert.Exit(3, run);
            Assert.NotNull(line);
            var ev = JsonDocument.Parse(line).RootElement;
            Assert.Equal("container", ev.GetProperty("Type").GetString());
            Assert.Equal("die", ev.GetProperty("Action").GetString());
            Assert.Equal("die", ev.GetProperty("status").GetString());
            var attributes = ev.GetProperty("Actor").GetProperty("Attributes");
            Assert.Equal("api03", attributes.GetProperty("name").GetString());
            Assert.Equal("3", attributes.GetProperty("exitCode").GetString());
            Assert.Null(more);
        }
        finally
        {
            await Modpod.RunAsync("rm", "-f", "api03");
        }
    }

    // The next non-empty line within the token's time, or null when none comes.
    private static async Task<string?> ReadMoreAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            string? line;
            do
            {
                line = await reader.ReadLineAsync(cancellationToken);
            }
            while (line is { Length: 0 });
            return line;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
