using System.Text;

namespace Router.Cli.Terminal;

/// <summary>A plain-text table with aligned columns, for terminals without any markup.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public override string ToString()
    {
        int[] widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        StringBuilder text = new();
        AppendRow(text, headers, widths);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (string[] row in _rows)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths) =>
        text.AppendLine(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
}
