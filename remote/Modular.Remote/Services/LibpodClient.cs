using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Remote.Transport;

namespace Modular.Remote.Services;

/// <summary>
/// Calls into the service's /libpod tree and turns its error bodies (Podman's
/// <c>{"cause","message","response"}</c>) back into the engine's typed exceptions, so the
/// CLI reports a remote failure with the same words and exit code as a local one.
/// </summary>
public sealed class LibpodClient(RemoteTransport transport)
{
    /// <summary>Where requests go; attach and exec open connections of their own on it.</summary>
    public RemoteTransport Transport => transport;

    public Task<HttpResponseMessage> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, Relative(path)), cancellationToken);

    public Task<HttpResponseMessage> PostAsync(
        string path,
        JsonNode? body,
        CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Relative(path))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        return SendAsync(request, cancellationToken);
    }

    /// <summary>A POST whose body is not JSON: an archive or tarball streamed from the client.</summary>
    public Task<HttpResponseMessage> PostContentAsync(
        string path,
        HttpContent content,
        CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, Relative(path)) { Content = content }, cancellationToken);

    /// <summary>POSTs raw bytes (secret data) and reads the JSON answer.</summary>
    public async Task<JsonNode?> PostBytesAsync(string path, byte[] body, CancellationToken cancellationToken)
    {
        using var response = await PostContentAsync(path, new ByteArrayContent(body), cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    public Task<HttpResponseMessage> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, Relative(path)), cancellationToken);

    public async Task<JsonNode?> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await GetAsync(path, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    public async Task<JsonNode?> PostJsonAsync(
        string path,
        JsonNode? body,
        CancellationToken cancellationToken)
    {
        using var response = await PostAsync(path, body, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>Any method with any body (a tar, a context): errors mapped as for the others.</summary>
    public Task<HttpResponseMessage> SendContentAsync(
        HttpMethod method,
        string path,
        HttpContent? content,
        CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(method, Relative(path)) { Content = content }, cancellationToken);

    public static string Escape(string value) => Uri.EscapeDataString(value);

    private static async Task<JsonNode?> ReadJsonAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    // The base address ends in "/v5.0.0/": a path without a leading slash stays under it.
    private static string Relative(string path) => path.TrimStart('/');

    private async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await transport.Client.SendAsync(
                request,
                HttpCompletionOption.ResponseHeadersRead,
                cancellationToken);
        }
        catch (HttpRequestException e) when (e.InnerException is BackendException unreachable)
        {
            // The transport's own words; HttpClient would append "(d:80)" to them.
            throw unreachable;
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException or IOException)
        {
            throw transport.Unreachable(e.InnerException);
        }
        finally
        {
            request.Dispose();
        }

        if ((int)response.StatusCode < 400)
        {
            return response;
        }

        using (response)
        {
            throw await ErrorAsync(response, cancellationToken);
        }
    }

    private static async Task<Exception> ErrorAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return Error(response.StatusCode, text);
    }

    /// <summary>An error answer's status and body as the engine's typed exception.</summary>
    internal static Exception Error(HttpStatusCode status, string text)
    {
        string message;
        try
        {
            message = JsonNode.Parse(text)?["message"]?.GetValue<string>() ?? text;
        }
        catch (System.Text.Json.JsonException)
        {
            message = text;
        }

        message = message.Trim();
        return status switch
        {
            HttpStatusCode.NotFound => new NotFoundException(message),
            HttpStatusCode.Conflict => new WrongStateException(message),
            HttpStatusCode.BadRequest => new InvalidInputException(message),
            // The type is lost on the wire; as Podman's client, the runtime's words give the
            // command's exit code back (127 not found, 126 cannot be run).
            _ when message.EndsWith("OCI runtime attempted to invoke a command that was not found", StringComparison.Ordinal)
                => new CommandNotFoundException(message),
            _ when message.EndsWith("OCI permission denied", StringComparison.Ordinal)
                || message.EndsWith("OCI runtime error", StringComparison.Ordinal)
                => new CannotInvokeException(message),
            _ => new BackendException(message),
        };
    }
}
