namespace Modular.Engine.Build.Syntax;

/// <summary>
/// One <c>key=value</c> of ENV or LABEL (or the legacy <c>ENV key value</c>), both sides as
/// written, quotes included; <see cref="StageScope"/> expands and unquotes them.
/// </summary>
public sealed record KeyValueWord(string Key, string Value);
