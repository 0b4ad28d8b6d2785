using System.Globalization;
using System.Text;
using Modular.Engine.Containers;

namespace Modular.Engine.Conmon;

/// <summary>
/// conmon's control fifo (BUNDLE/ctl): one line per message, "TYPE HEIGHT WIDTH"; type 1
/// resizes the terminal conmon holds.
/// </summary>
internal static unsafe class ConmonControl
{
    private const int ResizeMessage = 1;
    private const int ONonblock = 0x800;

    /// <summary>Best effort: a conmon that has exited has no terminal left to resize.</summary>
    public static void Resize(string fifo, TerminalSize size)
    {
        // Non-blocking, so a fifo nobody reads any more fails (ENXIO) instead of hanging.
        var fd = NativeMethods.open(fifo, NativeMethods.OWronly | ONonblock | NativeMethods.OCloexec, 0);
        if (fd < 0)
        {
            return;
        }

        try
        {
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"{ResizeMessage} {size.Rows} {size.Columns}\n");
            var bytes = Encoding.ASCII.GetBytes(line);
            fixed (byte* pointer = bytes)
            {
                NativeMethods.write(fd, pointer, bytes.Length);
            }
        }
        finally
        {
            NativeMethods.close(fd);
        }
    }
}
