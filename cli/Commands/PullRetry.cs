using System.Net.Http;
using System.Net.Sockets;
using Modular.Cli.Errors;
using Modular.Engine.Health;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>pull --retry N --retry-delay D</c> as Podman reads them: a pull that fails because
/// the registry could not be reached is tried again up to N more times (3 by default),
/// waiting D between attempts, or 2s doubling each time when no delay is given. A
/// registry's answer (unknown manifest, denied) is final and never retried.
/// </summary>
public static class PullRetry
{
    public const int DefaultAttempts = 3;

    public static async Task<T> RunAsync<T>(
        int? retries,
        string? delay,
        Func<Task<T>> pull,
        CancellationToken cancellationToken)
    {
        var left = retries ?? DefaultAttempts;
        if (left < 0)
        {
            throw new UsageException($"invalid argument \"{retries}\" for \"--retry\" flag: must not be negative");
        }

        var fixedDelay = delay is null ? (TimeSpan?)null : GoDuration.Parse(delay);
        var wait = TimeSpan.FromSeconds(2);
        while (true)
        {
            try
            {
                return await pull();
            }
            catch (Exception e) when (left > 0 && Unreachable(e))
            {
                left--;
                await Task.Delay(fixedDelay ?? wait, cancellationToken);
                wait *= 2;
            }
        }
    }

    /// <summary>Whether the failure is the network's (refused, reset, unreachable), not the registry's.</summary>
    private static bool Unreachable(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is SocketException or HttpRequestException { StatusCode: null })
            {
                return true;
            }
        }

        return false;
    }
}
