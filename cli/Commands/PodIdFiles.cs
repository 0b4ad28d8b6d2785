using System.CommandLine;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>pod rm --pod-id-file</c>: each file names a pod by the id <c>pod create
/// --pod-id-file</c> wrote; once the pods are removed the files go too, as Podman does.
/// </summary>
public static class PodIdFiles
{
    public static IReadOnlyList<string> Given(ParseResult result, IEnumerable<Symbol> flags) =>
        flags.OfType<Option<string[]>>().Where(option => option.Name == "--pod-id-file")
            .SelectMany(option => result.GetValue(option) ?? []).ToList();

    public static IReadOnlyList<string> Read(IReadOnlyList<string> files, IReadOnlyList<string> names) =>
        [.. names, .. files.Select(file => File.ReadAllText(file).Trim())];

    public static void DeleteWhen(bool removed, IReadOnlyList<string> files)
    {
        foreach (var file in files.Where(_ => removed).Where(File.Exists))
        {
            File.Delete(file);
        }
    }
}
