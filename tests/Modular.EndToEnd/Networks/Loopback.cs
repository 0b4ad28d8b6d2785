using System.Net;
using System.Net.Sockets;

namespace Modular.EndToEnd.Networks;

/// <summary>Free ports on 127.0.0.1 and HTTP requests to them: the only traffic tests send.</summary>
public static class Loopback
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// GETs http://127.0.0.1:PORT/PATH until it answers or ~15 s pass: the server in the
    /// container starts after `run -d` returns, and this waits for that, not for time.
    /// </summary>
    public static async Task<string?> GetAsync(int port, string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            try
            {
                return await Http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/{path}"));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                if (DateTime.UtcNow > deadline)
                {
                    return null;
                }

                await Task.Delay(100);
            }
        }
    }
}
