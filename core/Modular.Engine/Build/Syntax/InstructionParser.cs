using System.Text.Json;

namespace Modular.Engine.Build.Syntax;

/// <summary>Turns one logical line into its typed <see cref="Instruction"/>.</summary>
internal static partial class InstructionParser
{
    private static readonly HashSet<string> FromFlags = ["platform"];

    public static Instruction Parse(LogicalLine line, char escape)
    {
        try
        {
            return ParseKeyword(new LineContext(line, InstructionText.Keyword(line.Text), escape));
        }
        catch (Modular.Contracts.Errors.InvalidInputException error)
        {
            throw SyntaxErrors.InStep(error, line.Text, line.Line);
        }
    }

    private static Instruction ParseKeyword(LineContext context)
    {
        var line = context.Source;
        return context.Keyword switch
        {
            "FROM" => From(context),
            "RUN" => Run(context),
            "CMD" => new CmdInstruction(context.Original, context.Line, MaybeJson(context.Plain())),
            "ENTRYPOINT" => new EntrypointInstruction(
                context.Original, context.Line, MaybeJson(context.Plain())),
            "SHELL" => Shell(context),
            "HEALTHCHECK" => Healthcheck(context),
            "LABEL" => new LabelInstruction(context.Original, context.Line, NameValues(context)),
            "ENV" => new EnvInstruction(context.Original, context.Line, NameValues(context)),
            "ARG" => Arg(context),
            "MAINTAINER" => new MaintainerInstruction(context.Original, context.Line, One(context)),
            "EXPOSE" => new ExposeInstruction(context.Original, context.Line, AtLeastOne(context)),
            "USER" => new UserInstruction(context.Original, context.Line, One(context)),
            "WORKDIR" => new WorkdirInstruction(context.Original, context.Line, One(context)),
            "STOPSIGNAL" => new StopSignalInstruction(context.Original, context.Line, One(context)),
            "VOLUME" => Volume(context),
            "COPY" or "ADD" => File(context),
            "ONBUILD" => Onbuild(context),
            _ => throw SyntaxErrors.UnknownInstruction(line.Line, InstructionText.RawKeyword(line.Text)),
        };
    }

    private static FromInstruction From(LineContext context)
    {
        var flags = context.Flags(FromFlags);
        var words = flags.Remaining.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var named = words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase);
        if (words.Length != 1 && !named)
        {
            throw SyntaxErrors.At(context.Line, "FROM requires either one or three arguments");
        }

        string? name = null;
        if (named)
        {
            name = words[2].ToLowerInvariant();
            if (!StageNames.IsValid(name))
            {
                throw SyntaxErrors.At(context.Line, $"invalid name for build stage: \"{words[2]}\", "
                    + "name can't start with a number or contain symbols");
            }
        }

        return new FromInstruction(context.Original, context.Line, words[0], name, flags.String("platform"));
    }

    private static string One(LineContext context)
    {
        var text = context.Plain();
        return text.Length > 0 ? text : throw SyntaxErrors.ExactlyOneArgument(context.Line, context.Keyword);
    }

    private static List<string> AtLeastOne(LineContext context)
    {
        var words = context.Plain().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
        return words.Count > 0 ? words : throw SyntaxErrors.AtLeastOneArgument(context.Line, context.Keyword);
    }

    /// <summary>A JSON array of strings (exec form), or the text itself (shell form).</summary>
    private static CommandForm MaybeJson(string text) =>
        TryJson(text) is { } words ? CommandForm.Exec(words) : CommandForm.Shell(text);

    internal static List<string>? TryJson(string text)
    {
        if (!text.StartsWith('['))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var words = new List<string>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                words.Add(element.GetString()!);
            }

            return words;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
