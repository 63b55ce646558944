using Spectre.Console;
using Spectre.Console.Rendering;

namespace Wharf.Cli.Output;

/// <summary>Borderless, column-aligned tables in the Heroku/Convox style, easy to read and to grep.</summary>
internal static class Tables
{
    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.None);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))).Padding(0, 0, 2, 0));
        }

        return table;
    }

    /// <summary>Adds a row of plain text: values from the server are never parsed as markup.</summary>
    public static Table Row(this Table table, params string?[] cells)
    {
        table.AddRow(cells.Select(cell => (IRenderable)new Text(cell ?? "")));
        return table;
    }

    /// <summary>A two-column "Label: value" block for the info commands.</summary>
    public static Grid Properties(params (string Label, string? Value)[] rows)
    {
        var grid = new Grid().AddColumn(new GridColumn().PadRight(2)).AddColumn();
        foreach (var (label, value) in rows)
        {
            grid.AddRow(new Text(label + ":", new Style(decoration: Decoration.Bold)), new Text(value ?? "-"));
        }

        return grid;
    }
}
