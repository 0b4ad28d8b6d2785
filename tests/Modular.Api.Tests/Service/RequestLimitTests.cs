using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Modular.Api.Tests.Docker;
using Xunit;

namespace Modular.Api.Tests.Service;

/// <summary>Request bodies are bounded: 413 with Docker's error object, the store untouched (Issue #10).</summary>
[Collection(DockerServiceCollection.Name)]
public sealed class RequestLimitTests(DockerServiceFixture service)
{
    /// <summary>ApiServer.DefaultBodyLimit (the tests reach the service only over its socket).</summary>
    private const int DefaultLimit = 16 * 1024 * 1024;

    [Fact]
    public async Task OversizedBodyIsRefusedWith413AndDockersErrorObject()
    {
        // The head alone: the service must answer from the declared length, before any
        // body byte (a client streaming 16 MiB would see its pipe closed mid-send).
        var answer = await RawRequestAsync(
            $"POST /v1.41/containers/create?name=apiimg-huge HTTP/1.1\r\nHost: d\r\n"
            + $"Content-Type: application/json\r\nContent-Length: {DefaultLimit + 1}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 413 ", answer);
        // The body may come chunked: the object is between the first "{" and its "}".
        var body = answer[answer.IndexOf('{')..(answer.IndexOf("}\n", StringComparison.Ordinal) + 1)];
        var error = JsonNode.Parse(body)!;
        Assert.StartsWith("Request body too large", error["message"]!.GetValue<string>());
        Assert.False(await service.Modpod.ContainerExistsAsync("apiimg-huge"));
    }

    [Fact]
    public async Task ArchiveRoutesTakeBodiesAboveTheDefaultLimit()
    {
        // A declared length over the default reaches /images/load (which raises its limit)
        // and is refused there for what it is, not for its size.
        using var http = UnixSocketHttp.Create(service.Socket);
        var body = new ByteArrayContent(new byte[DefaultLimit + 1]);
        using var response = await http.PostAsync("/v1.41/images/load", body);
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Sends <paramref name="head"/> as is and reads the answer until the service closes or 5 s pass.</summary>
    private async Task<string> RawRequestAsync(string head)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(service.Socket));
        await socket.SendAsync(Encoding.ASCII.GetBytes(head));
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, timeout.Token)) > 0)
            {
                answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
                if (answer.ToString().Contains("}\n", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Whatever came within the time is the answer.
        }

        return answer.ToString();
    }
}
