using System.Net.Sockets;
using System.Text;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>
/// Requests a fresh-user tester sent that were answered wrongly (Issue #10): exec of a
/// missing command, escaped names, bad times and filters, uploads cut off.
/// </summary>
[Collection(DockerServiceCollection.Name)]
public sealed class DockerRequestShapeTests(DockerServiceFixture service)
{
    [Fact]
    public async Task Exec_of_a_missing_or_non_executable_command_exits_127_or_126_with_the_error()
    {
        var run = await service.DockerAsync(
            "run", "-d", "--pull", "never", "--network", "none", "--name", "apirs-exec",
            ModpodFixture.Busybox, "sleep", "300");
        Assert.True(run.ExitCode == 0, run.ToString());
        try
        {
            var missing = await service.DockerAsync("exec", "apirs-exec", "apirs-nosuchcmd");
            var directory = await service.DockerAsync("exec", "apirs-exec", "/etc");

            Assert.Equal(127, missing.ExitCode);
            Assert.Contains("apirs-nosuchcmd", missing.StandardError);
            Assert.Equal(126, directory.ExitCode);
            Assert.NotEqual("", directory.StandardError);
        }
        finally
        {
            await service.DockerAsync("rm", "-f", "-t", "0", "apirs-exec");
        }
    }

    [Fact]
    public async Task An_image_name_with_an_escaped_slash_is_found()
    {
        using var http = new UnixHttp(service.Socket);

        var (status, image) = await http.SendAsync(HttpMethod.Get, "images/localhost%2Fbusybox/json");

        Assert.Equal(200, status);
        Assert.Contains("localhost/busybox:latest", image!["RepoTags"]!.ToJsonString());
    }

    [Fact]
    public async Task Logs_since_a_word_that_is_no_time_is_a_400()
    {
        var run = await service.DockerAsync(
            "create", "--pull", "never", "--network", "none", "--name", "apirs-logs", ModpodFixture.Busybox, "true");
        Assert.True(run.ExitCode == 0, run.ToString());
        try
        {
            using var http = new UnixHttp(service.Socket);

            var (status, error) = await http.SendAsync(HttpMethod.Get, "containers/apirs-logs/logs?stdout=1&since=notatime");

            Assert.Equal(400, status);
            Assert.Contains("since", error!["message"]!.GetValue<string>());
        }
        finally
        {
            await service.DockerAsync("rm", "-f", "apirs-logs");
        }
    }

    [Fact]
    public async Task A_filter_of_the_wrong_shape_is_a_400()
    {
        using var http = new UnixHttp(service.Socket);

        var (containers, error) = await http.SendAsync(
            HttpMethod.Get, "containers/json?filters=" + Uri.EscapeDataString("""{"name":"strcmd"}"""));
        var (volumes, _) = await http.SendAsync(
            HttpMethod.Get, "volumes?filters=" + Uri.EscapeDataString("""{"name":"strcmd"}"""));

        Assert.Equal(400, containers);
        Assert.Contains("cannot unmarshal string", error!["message"]!.GetValue<string>());
        Assert.Equal(400, volumes);
    }

    [Fact]
    public async Task A_load_cut_off_by_the_client_leaves_no_temporary_archive()
    {
        var temp = Path.Combine(service.Modpod.GraphRoot, "tmp");

        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(service.Socket));
            var head = "POST /v1.41/images/load HTTP/1.1\r\nHost: d\r\nContent-Type: application/x-tar\r\n"
                + "Content-Length: 1048576\r\n\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(head + new string('x', 4096)));
            await WaitForAsync(() => Leftovers(temp).Length > 0);
            socket.Shutdown(SocketShutdown.Send);
        }

        Assert.True(await WaitForAsync(() => Leftovers(temp).Length == 0), string.Join(", ", Leftovers(temp)));
    }

    private static string[] Leftovers(string temp) =>
        Directory.Exists(temp) ? Directory.GetFileSystemEntries(temp, "api-load-*") : [];

    // Polls a condition the service reaches on its own; a bounded wait, not a timing claim.
    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }
}
