using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Modular.Cli.Commands;

/// <summary>
/// Reads one line straight from the terminal on stdin, a byte at a time. Console.In would
/// echo what is typed itself (.NET edits lines on a terminal in its own code) whatever the
/// terminal's echo setting, and could buffer the next line beyond the one asked for.
/// </summary>
internal static class TerminalLine
{
    public const int StandardInput = 0;

    public static bool IsTerminal => !Console.IsInputRedirected;

    /// <summary>The line without its newline, or null at end of input.</summary>
    public static string? Read()
    {
        using var handle = new SafeFileHandle(StandardInput, ownsHandle: false);
        using var stdin = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        var line = new List<byte>();
        var one = new byte[1];
        while (stdin.Read(one, 0, 1) == 1)
        {
            if (one[0] == (byte)'\n')
            {
                return Encoding.UTF8.GetString([.. line]).TrimEnd('\r');
            }

            line.Add(one[0]);
        }

        return line.Count == 0 ? null : Encoding.UTF8.GetString([.. line]);
    }
}
