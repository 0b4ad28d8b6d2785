using System.Text;

namespace Modular.Engine.Build.Syntax;

/// <summary>
/// Parses Containerfile text into the model, checking syntax only: nothing is expanded
/// and no file is read. Failures throw
/// <see cref="Modular.Contracts.Errors.InvalidInputException"/> naming the line.
/// </summary>
public static class ContainerfileParser
{
    public static Containerfile Parse(string text)
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
            else
            {
                throw SyntaxErrors.At(line.Line, "no build stage in current context");
            }
        }

        if (stages.Count == 0)
        {
            throw new Modular.Contracts.Errors.InvalidInputException("no FROM statement found");
        }

        var built = stages.Select((s, i) => new BuildStage(i, s.From, s.Body)).ToList();
        return new Containerfile(reader.Directives, globals, built);
    }

    /// <summary>Reads the whole stream as UTF-8 (a BOM is dropped) and parses it.</summary>
    public static async Task<Containerfile> ParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        return Parse(text);
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
            throw new Modular.Contracts.Errors.InvalidInputException(
                $"expected one instruction, found {lines.Count}: \"{text}\"");
        }

        return InstructionParser.Parse(lines[0], escape);
    }
}
