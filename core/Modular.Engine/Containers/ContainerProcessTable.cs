namespace Modular.Engine.Containers;

/// <summary><c>top</c>'s output: the column headers, then one row of cells per process.</summary>
public sealed record ContainerProcessTable(
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows);
