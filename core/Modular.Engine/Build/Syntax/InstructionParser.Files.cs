namespace Modular.Engine.Build.Syntax;

/// <summary>COPY, ADD and VOLUME: a JSON list or whitespace-separated words.</summary>
internal static partial class InstructionParser
{
    private static readonly HashSet<string> CopyFlags =
        ["from", "chown", "chmod", "link", "parents", "exclude"];

    private static readonly HashSet<string> AddFlags =
        ["chown", "chmod", "link", "keep-git-dir", "checksum", "exclude"];

    private static FileInstruction File(LineContext context)
    {
        var isAdd = context.Keyword == "ADD";
        var flags = context.Flags(isAdd ? AddFlags : CopyFlags);
        var words = JsonOrWords(flags.Remaining);
        if (words.Count < 2)
        {
            throw SyntaxErrors.AtLeastTwoArguments(context.Line, context.Keyword);
        }

        var options = new FileTransferOptions
        {
            From = isAdd ? null : flags.String("from"),
            Chown = flags.String("chown"),
            Chmod = flags.String("chmod"),
            Link = flags.Bool("link"),
            Parents = !isAdd && flags.Bool("parents"),
            Excludes = flags.Strings("exclude"),
            KeepGitDir = isAdd && flags.Bool("keep-git-dir"),
            Checksum = isAdd ? flags.String("checksum") : null,
        };
        var (sources, destination, docs) = (words[..^1], words[^1], context.Heredocs);
        return isAdd
            ? new AddInstruction(context.Original, context.Line, sources, destination, options, docs)
            : new CopyInstruction(context.Original, context.Line, sources, destination, options, docs);
    }

    private static VolumeInstruction Volume(LineContext context)
    {
        var paths = JsonOrWords(context.Plain());
        if (paths.Count == 0)
        {
            throw SyntaxErrors.AtLeastOneArgument(context.Line, "VOLUME");
        }

        if (paths.Any(p => p.Trim().Length == 0))
        {
            throw SyntaxErrors.At(context.Line, "VOLUME specified can not be an empty string");
        }

        return new VolumeInstruction(context.Original, context.Line, paths);
    }

    private static List<string> JsonOrWords(string text) =>
        TryJson(text) ?? [.. text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)];
}
