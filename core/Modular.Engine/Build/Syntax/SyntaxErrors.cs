using Modular.Contracts.Errors;

namespace Modular.Engine.Build.Syntax;

/// <summary>
/// The parse failures, worded as buildah reports them. Buildah finds two kinds: the file
/// parser's (directives, ENV and LABEL syntax, heredocs), reported as
/// <c>parsing main Dockerfile: FILE: message</c>, and an instruction's, reported when the
/// step runs as <c>building at STEP "INSTRUCTION": message</c>. Both carry the 1-based line
/// in <see cref="Exception.Data"/> (read it with <see cref="ContainerfileParser.LineOf"/>).
/// </summary>
internal static class SyntaxErrors
{
    public const string LineKey = "Modular.Containerfile.Line";
    private const string FileLevelKey = "Modular.Containerfile.FileLevel";
    private const string StepKey = "Modular.Containerfile.Step";

    /// <summary>An instruction's error; <see cref="InStep"/> adds the step text.</summary>
    public static InvalidInputException At(int line, string message) => Mark(new(message), line);

    /// <summary>An error of the file parser, before any step.</summary>
    public static InvalidInputException File(int line, string message)
    {
        var error = Mark(new(message), line);
        error.Data[FileLevelKey] = true;
        return error;
    }

    public static InvalidInputException UnknownInstruction(int line, string keyword)
    {
        var upper = keyword.ToUpperInvariant();
        var message = $"building at STEP \"{upper} \": Build error: Unknown instruction: \"{upper}\"";
        var error = Mark(new(message), line);
        error.Data[StepKey] = true;
        return error;
    }

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

    /// <summary>Words an instruction's error as buildah's step failure.</summary>
    public static InvalidInputException InStep(InvalidInputException error, string original, int line)
    {
        if (error.Data.Contains(FileLevelKey) || error.Data.Contains(StepKey))
        {
            return error;
        }

        var wrapped = Mark(new($"building at STEP \"{original}\": {error.Message}", error), line);
        wrapped.Data[StepKey] = true;
        return wrapped;
    }

    /// <summary>Words a file parser error as buildah does, naming the file.</summary>
    public static InvalidInputException InFile(InvalidInputException error, string fileName)
    {
        if (!error.Data.Contains(FileLevelKey))
        {
            return error;
        }

        var message = $"parsing main Dockerfile: {fileName}: {error.Message}";
        var wrapped = new InvalidInputException(message, error);
        wrapped.Data[LineKey] = error.Data[LineKey];
        return wrapped;
    }

    private static InvalidInputException Mark(InvalidInputException error, int line)
    {
        error.Data[LineKey] = line;
        return error;
    }
}
