using System.Net;
using System.Net.Sockets;

namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// Serves one file over HTTP on 127.0.0.1 (a free port), for ADD of a URL. A real HTTP server
/// (HttpListener), stopped on dispose; every other path answers 404.
/// </summary>
public sealed class LoopbackFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public LoopbackFileServer(string path, byte[] content)
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = ServeAsync(path, content);
    }

    public string Url { get; }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _ = _loop.Exception;
    }

    private async Task ServeAsync(string path, byte[] content)
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var found = context.Request.Url?.AbsolutePath == path;
            context.Response.StatusCode = found ? 200 : 404;
            if (found)
            {
                await context.Response.OutputStream.WriteAsync(content);
            }

            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
