using System.Text;

namespace Modular.Cli.Output;

/// <summary>
/// Aligns tab-separated cells as Go's text/tabwriter does with Podman's settings
/// (minwidth 12, padding 2, padchar ' ', no flags): a cell ended by a tab is padded to
/// its column's width; the last cell of a line is not. A column's width spans the run of
/// adjacent lines that have that column.
/// </summary>
public static class TabWriter
{
    public const int MinWidth = 12;
    public const int Padding = 2;

    public static string Align(string text)
    {
        var lines = text.Split('\n');
        var cells = lines.Select(l => l.Split('\t')).ToArray();
        var widths = cells.Select(c => new int[Math.Max(0, c.Length - 1)]).ToArray();
        var maxColumns = widths.Length == 0 ? 0 : widths.Max(w => w.Length);
        for (var column = 0; column < maxColumns; column++)
        {
            SizeColumn(cells, widths, column);
        }

        return Render(cells, widths);
    }

    private static void SizeColumn(string[][] cells, int[][] widths, int column)
    {
        var line = 0;
        while (line < cells.Length)
        {
            if (widths[line].Length <= column)
            {
                line++;
                continue;
            }

            var end = line;
            var width = MinWidth;
            while (end < cells.Length && widths[end].Length > column)
            {
                width = Math.Max(width, cells[end][column].Length + Padding);
                end++;
            }

            for (var i = line; i < end; i++)
            {
                widths[i][column] = width;
            }

            line = end;
        }
    }

    private static string Render(string[][] cells, int[][] widths)
    {
        var sb = new StringBuilder();
        for (var line = 0; line < cells.Length; line++)
        {
            if (line > 0)
            {
                sb.Append('\n');
            }

            for (var column = 0; column < cells[line].Length; column++)
            {
                var cell = cells[line][column];
                sb.Append(column < widths[line].Length ? cell.PadRight(widths[line][column]) : cell);
            }
        }

        return sb.ToString();
    }
}
