using Modular.Contracts.Errors;

namespace Modular.Engine.Build.Syntax;

/// <summary>
/// The parse failures, worded as buildkit's Dockerfile parser (which buildah vendors) words
/// them, with the 1-based line where the instruction starts.
/// </summary>
internal static class SyntaxErrors
{
    public static InvalidInputException At(int line, string message) =>
        new($"dockerfile parse error on line {line}: {message}");

    public static InvalidInputException UnknownInstruction(int line, string keyword) =>
        At(line, $"unknown instruction: {keyword}");

    public static InvalidInputException AtLeastOneArgument(int line, string keyword) =>
        At(line, $"{keyword} requires at least one argument");

    public static InvalidInputException ExactlyOneArgument(int line, string keyword) =>
        At(line, $"{keyword} requires exactly one argument");

    public static InvalidInputException AtLeastTwoArguments(int line, string keyword) =>
        At(line, $"{keyword} requires at least two arguments");

    public static InvalidInputException NotJson(int line, string keyword) =>
        At(line, $"{keyword} requires the arguments to be in JSON form");

    public static InvalidInputException UnknownFlag(int line, string flag) =>
        At(line, $"unknown flag: {flag}");
}
