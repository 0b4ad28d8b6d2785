using Modular.Cli.Hosting;

namespace Modular.Cli.Commands;

/// <summary>
/// The prompt every prune command shows without --force: Podman prints a WARNING line, asks
/// <c>Are you sure you want to continue? [y/N] </c> on stdout and goes on only when the
/// answer starts with y or Y; anything else, an empty line or end of input removes nothing.
/// </summary>
public static class PruneConfirmation
{
    public const string Question = "Are you sure you want to continue? [y/N] ";

    public static bool Ask(CliContext context, string warning)
    {
        context.Out.WriteLine(warning);
        return AskQuestion(context);
    }

    /// <summary>The question alone, for prunes that list what they would remove first.</summary>
    public static bool AskQuestion(CliContext context)
    {
        context.Out.Write(Question);
        context.Out.Flush();
        var answer = Console.In.ReadLine();
        return answer is { Length: > 0 } && char.ToLowerInvariant(answer[0]) == 'y';
    }
}
