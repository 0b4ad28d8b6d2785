using Modular.Contracts.Errors;

namespace Modular.Hooks;

/// <summary>
/// The hooks of a list of hooks.d directories, as Podman reads them: directories in
/// increasing precedence (a file in a later one masks the same name in an earlier one), a
/// missing directory ignored, only <c>*.json</c> files read, and the hooks ordered by file
/// name ignoring case. Invalid files are kept with their errors, for <c>hooks ls</c>.
/// </summary>
public sealed class HookCatalog
{
    private HookCatalog(
        IReadOnlyList<string> directories,
        IReadOnlyList<HookDefinition> hooks,
        IReadOnlyList<HookFileError> errors,
        IReadOnlyList<MaskedHookFile> masked)
    {
        Directories = directories;
        Hooks = hooks;
        Errors = errors;
        Masked = masked;
    }

    public IReadOnlyList<string> Directories { get; }

    /// <summary>The valid, unmasked hooks, in the order they are injected.</summary>
    public IReadOnlyList<HookDefinition> Hooks { get; }

    /// <summary>Files that could not be used, in the order they were read.</summary>
    public IReadOnlyList<HookFileError> Errors { get; }

    public IReadOnlyList<MaskedHookFile> Masked { get; }

    /// <summary>Reads <paramref name="directories"/>, lowest precedence first.</summary>
    public static HookCatalog Load(IReadOnlyList<string> directories)
    {
        var byName = new Dictionary<string, HookDefinition>(StringComparer.Ordinal);
        var errors = new List<HookFileError>();
        var masked = new List<MaskedHookFile>();
        foreach (var directory in directories.Where(Directory.Exists))
        {
            foreach (var file in HookFiles(directory))
            {
                if (ReadOrRecord(file, errors) is not { } definition)
                {
                    continue;
                }

                if (byName.TryGetValue(definition.Name, out var earlier))
                {
                    masked.Add(new MaskedHookFile(earlier.FilePath, definition.FilePath));
                }

                byName[definition.Name] = definition;
            }
        }

        return new HookCatalog(directories, Order(byName.Values), errors, masked);
    }

    /// <summary>The hooks that fire for <paramref name="target"/>, by hook then stage.</summary>
    public IReadOnlyList<HookMatch> Match(HookTarget target) =>
        [.. Hooks.Where(hook => hook.When.Matches(target))
            .SelectMany(hook => hook.Stages.Select(stage => new HookMatch(stage, hook)))];

    /// <summary>
    /// Refuses a container when a file is invalid, as Podman does: every error but a
    /// missing hook program stops the container from being created.
    /// </summary>
    /// <exception cref="InvalidInputException">An invalid file; Podman's message.</exception>
    public void ThrowIfInvalid()
    {
        var fatal = Errors.Where(error => error.Fatal).Select(error => error.Message).ToList();
        if (fatal.Count > 0)
        {
            // Podman chains a directory's errors newest first.
            fatal.Reverse();
            throw new InvalidInputException($"setting up OCI Hooks: {string.Join(": ", fatal)}");
        }
    }

    private static IEnumerable<string> HookFiles(string directory) =>
        Directory.EnumerateFiles(directory)
            .Where(path => path.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static HookDefinition? ReadOrRecord(string file, List<HookFileError> errors)
    {
        try
        {
            return HookFileReader.Read(file);
        }
        catch (HookFileException e)
        {
            errors.Add(new HookFileError(file, e.Message, Fatal: !e.MissingProgram));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Podman skips a listed file it cannot find when opened (a dangling symlink, or
            // one removed since the listing) instead of refusing every container.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new HookFileError(file, $"open {file}: {e.Message}", Fatal: true));
        }

        return null;
    }

    private static List<HookDefinition> Order(IEnumerable<HookDefinition> hooks) =>
        [.. hooks.OrderBy(hook => hook.Name.ToLowerInvariant(), StringComparer.Ordinal)
            .ThenBy(hook => hook.Name, StringComparer.Ordinal)];
}
