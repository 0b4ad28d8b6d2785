using System.Text;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Cli.Hosting;
using Modular.Engine.Containers;

namespace Modular.Api.Shared;

/// <summary>
/// Attach's <c>logs=true</c>: the container's log so far, written on the attach stream
/// before (or, with <c>stream=false</c>, instead of) the live streams.
/// </summary>
public static class AttachLogReplay
{
    /// <summary>True when the query asks for the log; <c>stream=false</c> is only explicit.</summary>
    public static bool Wanted(HttpContext http) => http.QueryFlag("logs");

    /// <summary>False only for an explicit <c>stream=false</c>: then the attach ends after the log.</summary>
    public static bool Streams(HttpContext http) => http.QueryFlag("stream", absent: true);

    /// <summary>Podman attaches every stream when the query names none.</summary>
    public static bool NoStreamNamed(HttpContext http) =>
        !http.Request.Query.ContainsKey("stdin")
        && !http.Request.Query.ContainsKey("stdout")
        && !http.Request.Query.ContainsKey("stderr");

    public static async Task WriteAsync(
        CliContext cli,
        string id,
        Stream stdout,
        Stream stderr,
        CancellationToken cancellationToken)
    {
        var options = new LogReadOptions();
        await foreach (var line in cli.Containers.ReadLogsAsync(id, options, cancellationToken))
        {
            var target = line.Stream == "stderr" ? stderr : stdout;
            var bytes = Encoding.UTF8.GetBytes(line.Text + (line.Partial ? "" : "\n"));
            await target.WriteAsync(bytes, cancellationToken);
        }

        await stdout.FlushAsync(cancellationToken);
    }
}
