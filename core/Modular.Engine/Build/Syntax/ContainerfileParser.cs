using System.Text;
using Modular.Contracts.Errors;

namespace Modular.Engine.Build.Syntax;

/// <summary>
/// Parses Containerfile text into the model, checking syntax only: nothing is expanded
/// and no file is read. Failures throw <see cref="InvalidInputException"/> worded as
/// buildah words them; <see cref="LineOf"/> gives the line.
/// </summary>
public static class ContainerfileParser
{
    /// <param name="text">The file's content.</param>
    /// <param name="fileName">The path as the user gave it, named in file-level errors.</param>
    public static Containerfile Parse(string text, string? fileName = null)
    {
        try
        {
            return ParseText(text);
        }
        catch (InvalidInputException error) when (fileName is not null)
        {
            throw SyntaxErrors.InFile(error, fileName);
        }
    }

    /// <summary>The 1-based line a parse failure points at, or null for other failures.</summary>
    public static int? LineOf(Exception error) =>
        error.Data.Contains(SyntaxErrors.LineKey) ? (int?)error.Data[SyntaxErrors.LineKey] : null;

    private static Containerfile ParseText(string text)
    {
        var reader = new LineReader(text);
        var globals = new List<ArgInstruction>();
        var stages = new List<(FromInstruction From, List<Instruction> Body)>();
        foreach (var line in reader.ReadAll())
        {
            var instruction = InstructionParser.Parse(line, reader.Directives.Escape);
            if (instruction is FromInstruction from)
            {
                stages.Add((from, []));
            }
            else if (stages.Count > 0)
            {
                stages[^1].Body.Add(instruction);
            }
            else if (instruction is ArgInstruction arg)
            {
                globals.Add(arg);
            }

            // Buildah ignores any other instruction before the first FROM; so do we.
        }

        if (stages.Count == 0)
        {
            throw new InvalidInputException("no FROM statement found");
        }

        var built = stages.Select((s, i) => new BuildStage(i, s.From, s.Body)).ToList();
        return new Containerfile(reader.Directives, globals, built);
    }

    /// <summary>Reads the whole stream as UTF-8 (a BOM is dropped) and parses it.</summary>
    public static Task<Containerfile> ParseAsync(Stream stream, CancellationToken cancellationToken) =>
        ParseAsync(stream, null, cancellationToken);

    /// <summary>As <see cref="Parse"/>, reading the stream as UTF-8 (a BOM is dropped).</summary>
    public static async Task<Containerfile> ParseAsync(
        Stream stream,
        string? fileName,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        return Parse(text, fileName);
    }

    /// <summary>
    /// Parses one instruction (continuations allowed), as ONBUILD triggers of a base image
    /// and <c>commit --change</c> values need.
    /// </summary>
    public static Instruction ParseInstruction(string text, char escape = '\\')
    {
        var reader = new LineReader(text, escape);
        var lines = reader.ReadAll().ToList();
        if (lines.Count != 1)
        {
            throw new InvalidInputException(
                $"expected one instruction, found {lines.Count}: \"{text}\"");
        }

        return InstructionParser.Parse(lines[0], escape);
    }
}
