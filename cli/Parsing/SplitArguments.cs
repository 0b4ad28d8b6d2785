namespace Modular.Cli.Parsing;

/// <summary>
/// The command line after pre-splitting: what the parser sees, and the container's own
/// command (everything after the image of <c>run</c>/<c>create</c>), which it never sees.
/// </summary>
public sealed record SplitArguments(
    IReadOnlyList<string> ParserArguments,
    IReadOnlyList<string> ContainerCommand);
