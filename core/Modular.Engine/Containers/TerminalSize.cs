namespace Modular.Engine.Containers;

/// <summary>A terminal's size in character cells, as TIOCGWINSZ reports it.</summary>
public sealed record TerminalSize(int Rows, int Columns);
