using Modular.Cli.Hosting;
using Modular.Engine.Containers;

namespace Modular.Cli.Commands;

/// <summary>
/// Writes pod log lines, stdout lines to stdout and stderr lines to stderr; one line at a
/// time, so followed containers never interleave within a line.
/// </summary>
internal sealed class PodLogPrinter(CliContext context, bool timestamps)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task CopyAsync(IAsyncEnumerable<LogLine> lines, string prefix, CancellationToken cancellationToken)
    {
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            await WriteAsync(prefix, line, cancellationToken);
        }
    }

    public async Task WriteAsync(string prefix, LogLine line, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var writer = line.Stream == "stderr" ? context.Error : context.Out;
            await writer.WriteAsync(prefix + LogsCommand.Format(line, timestamps));
            await writer.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
