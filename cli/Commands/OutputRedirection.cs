using System.CommandLine;
using Modular.Cli.Hosting;

namespace Modular.Cli.Commands;

/// <summary>
/// The global --noout (stdout to nowhere) and --out FILE (stdout to a file, created or
/// truncated) flags of Podman. Only the command's text output moves; stderr stays.
/// </summary>
public sealed class OutputRedirection : IAsyncDisposable
{
    private readonly StreamWriter? _file;

    private OutputRedirection(StreamWriter? file) => _file = file;

    public static OutputRedirection Apply(CliContext context, ParseResult result, GlobalOptions globals)
    {
        if (result.GetValue(globals.NoOut))
        {
            context.Out = TextWriter.Null;
            return new OutputRedirection(null);
        }

        if (result.GetValue(globals.Out) is not { Length: > 0 } path)
        {
            return new OutputRedirection(null);
        }

        var file = new StreamWriter(path, append: false) { AutoFlush = true };
        context.Out = file;
        return new OutputRedirection(file);
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
