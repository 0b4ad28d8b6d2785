using System.Runtime.InteropServices;
using Modular.Cli.Commands;
using Modular.Cli.Hosting;
using Modular.Cli.Parsing;
using Modular.Engine.Processes;

namespace Modular.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        InheritedSignalMask.Clear();
        IgnoredInterrupts.Restore();
        var split = ArgvSplitter.Split(args);
        await using var context = new CliContext(Console.Out, Console.Error, split.ContainerCommand);
        using var cancel = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(
            PosixSignal.SIGINT,
            c => Interrupt(c, context, cancel));
        using var sigterm = PosixSignalRegistration.Create(
            PosixSignal.SIGTERM,
            c => Interrupt(c, context, cancel));
        return await ModpodCommandLine.InvokeAsync(context, split.ParserArguments, cancel.Token);
    }

    /// <summary>
    /// The first Ctrl-C cancels the command; a second one ends the process. While attached
    /// to a container the signal is the container's (see SignalForwarder) and is left alone.
    /// </summary>
    private static void Interrupt(
        PosixSignalContext signal,
        CliContext context,
        CancellationTokenSource cancel)
    {
        if (context.Attached)
        {
            signal.Cancel = true;
            return;
        }

        signal.Cancel = !cancel.IsCancellationRequested;
        cancel.Cancel();
    }
}
