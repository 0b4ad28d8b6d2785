namespace Modular.Engine.Build.Syntax;

/// <summary>RUN, SHELL, HEALTHCHECK and ONBUILD.</summary>
internal static partial class InstructionParser
{
    private static readonly HashSet<string> RunFlags = ["mount", "network", "security"];

    private static readonly HashSet<string> HealthcheckFlags =
        ["interval", "timeout", "start-period", "start-interval", "retries"];

    private static RunInstruction Run(LineContext context)
    {
        var flags = context.Flags(RunFlags);
        if (flags.Remaining.Length == 0)
        {
            throw SyntaxErrors.AtLeastOneArgument(context.Line, "RUN");
        }

        var mounts = flags.Strings("mount").Select(m => RunMountParser.Parse(context.Line, m)).ToList();
        return new RunInstruction(
            context.Original,
            context.Line,
            MaybeJson(flags.Remaining),
            mounts,
            flags.String("network"),
            flags.String("security"),
            context.Heredocs);
    }

    private static ShellInstruction Shell(LineContext context)
    {
        var words = TryJson(context.Plain()) ?? throw SyntaxErrors.NotJson(context.Line, "SHELL");
        return words.Count > 0
            ? new ShellInstruction(context.Original, context.Line, words)
            : throw SyntaxErrors.AtLeastOneArgument(context.Line, "SHELL");
    }

    private static HealthcheckInstruction Healthcheck(LineContext context)
    {
        var flags = context.Flags(HealthcheckFlags);
        var type = InstructionText.Keyword(flags.Remaining);
        var rest = InstructionText.Rest(flags.Remaining);
        if (type == "NONE")
        {
            return rest.Length == 0
                ? new HealthcheckInstruction(context.Original, context.Line, null)
                : throw SyntaxErrors.At(context.Line, "HEALTHCHECK NONE takes no arguments");
        }

        if (type != "CMD")
        {
            var typed = InstructionText.RawKeyword(flags.Remaining);
            throw SyntaxErrors.At(context.Line, $"Unknown type \"{typed}\" in HEALTHCHECK (try CMD)");
        }

        if (rest.Length == 0)
        {
            throw SyntaxErrors.At(context.Line, "Missing command after HEALTHCHECK CMD");
        }

        return new HealthcheckInstruction(
            context.Original,
            context.Line,
            MaybeJson(rest),
            Interval(flags, "interval"),
            Interval(flags, "timeout"),
            Interval(flags, "start-period"),
            Interval(flags, "start-interval"),
            Retries(flags));
    }

    private static TimeSpan? Interval(InstructionFlags flags, string name)
    {
        var text = flags.String(name);
        if (text is null)
        {
            return null;
        }

        var value = GoDuration.Parse(text)
            ?? throw SyntaxErrors.At(flags.Line, $"time: invalid duration \"{text}\"");
        if (value != TimeSpan.Zero && value < TimeSpan.FromMilliseconds(1))
        {
            throw SyntaxErrors.At(flags.Line, $"Interval \"{name}\" cannot be less than 1ms");
        }

        return value;
    }

    private static int? Retries(InstructionFlags flags)
    {
        var text = flags.String("retries");
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, out var retries))
        {
            throw SyntaxErrors.At(flags.Line, $"strconv.ParseInt: parsing \"{text}\": invalid syntax");
        }

        return retries >= 0
            ? retries
            : throw SyntaxErrors.At(flags.Line, $"--retries cannot be negative ({retries})");
    }

    private static OnbuildInstruction Onbuild(LineContext context)
    {
        var trigger = context.Plain();
        if (trigger.Length == 0)
        {
            throw SyntaxErrors.AtLeastOneArgument(context.Line, "ONBUILD");
        }

        var keyword = InstructionText.Keyword(trigger);
        if (keyword == "ONBUILD")
        {
            throw SyntaxErrors.At(context.Line, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
        }

        if (keyword is "FROM" or "MAINTAINER")
        {
            throw SyntaxErrors.At(context.Line, $"{keyword} isn't allowed as an ONBUILD trigger");
        }

        var inner = Parse(new LogicalLine(context.Line, trigger, []), context.Escape);
        return new OnbuildInstruction(context.Original, context.Line, trigger, inner);
    }
}
