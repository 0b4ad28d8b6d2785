using Modular.Cli.Hosting;
using Modular.Engine.Containers;

namespace Modular.Cli.Commands;

/// <summary>
/// Writes pod log lines, stdout lines to stdout and stderr lines to stderr; one line at a
/// time, so followed containers never interleave within a line.
/// </summary>
internal sealed class PodLogPrinter(CliContext context, bool timestamps, bool colors = false)
{
    // Podman's --color palette, picked by the container's place in the pod's list.
    private static readonly string[] Palette =
        ["\u001b[37m", "\u001b[31m", "\u001b[33m", "\u001b[34m", "\u001b[35m", "\u001b[36m", "\u001b[32m"];

    private const string Reset = "\u001b[0m";

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task CopyAsync(
        IAsyncEnumerable<LogLine> lines,
        string prefix,
        CancellationToken cancellationToken,
        int colorId = 0)
    {
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            await WriteAsync(prefix, line, cancellationToken, colorId);
        }
    }

    public async Task WriteAsync(string prefix, LogLine line, CancellationToken cancellationToken, int colorId = 0)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var writer = line.Stream == "stderr" ? context.Error : context.Out;
            await writer.WriteAsync(Text(prefix + LogsCommand.Format(line, timestamps), colorId));
            await writer.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    // As Podman colours a line: the code, the prefix and message, then the reset.
    private string Text(string text, int colorId)
    {
        if (!colors)
        {
            return text;
        }

        var newline = text.EndsWith('\n');
        return Palette[colorId % Palette.Length] + text.TrimEnd('\n') + Reset + (newline ? "\n" : "");
    }
}
