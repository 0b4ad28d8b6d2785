using Modular.Cli.Hosting;
using Modular.Engine.Containers;

namespace Modular.Cli.Commands;

/// <summary>
/// Writes one container's log lines, stdout lines to stdout and stderr lines to stderr.
/// Several printers may run at once (logs of several containers): a line is written
/// whole under a lock, so lines of different containers never interleave mid-line.
/// </summary>
public sealed class LogPrinter(CliContext context, bool timestamps)
{
    private readonly SemaphoreSlim _write = new(1, 1);

    public async Task PrintAsync(
        string container,
        string prefix,
        LogReadOptions options,
        CancellationToken cancellationToken)
    {
        var atLineStart = true;
        await foreach (var line in context.Containers.ReadLogsAsync(container, options, cancellationToken))
        {
            var writer = line.Stream == "stderr" ? context.Error : context.Out;
            var text = (atLineStart ? prefix : "") + LogsCommand.Format(line, timestamps);
            atLineStart = !line.Partial;
            await _write.WaitAsync(cancellationToken);
            try
            {
                await writer.WriteAsync(text);
                await writer.FlushAsync(cancellationToken);
            }
            finally
            {
                _write.Release();
            }
        }
    }
}
