using Modular.Contracts.Errors;

namespace Modular.Engine.Build;

/// <summary>
/// Resolves COPY/ADD sources below a root (the context or another stage's file system) and
/// adds them to a <see cref="SourceTar"/>: a directory's contents, a file by its name, and
/// wildcards as Go's filepath.Match. Paths never leave the root: <c>..</c> stops at its top.
/// </summary>
public sealed class SourceSet(string root, IgnoreRules ignore)
{
    /// <summary>The host paths a source names; wildcards may match several, none is an error.</summary>
    public IReadOnlyList<string> Resolve(string source)
    {
        var relative = Clean(source);
        if (!PathPattern.HasWildcard(relative))
        {
            var path = Path.Combine(root, relative);
            // The context itself is never excluded: "COPY . ." under an ignore file of "*"
            // copies nothing rather than failing, as Buildah.
            if (!Exists(path) || (relative.Length > 0 && !Included(path, relative)))
            {
                throw Missing(source);
            }

            // A link to a directory stands for that directory's contents; any other stays a link.
            return [Follow(path) is { } target && Directory.Exists(target) ? target : path];
        }

        var pattern = PathPattern.Compile(relative);
        var parent = Path.Combine(root, Path.GetDirectoryName(relative) ?? "");
        var matches = Directory.Exists(parent)
            ? Directory.EnumerateFileSystemEntries(parent)
                .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
                .Where(p => pattern.IsMatch(p) && Included(Path.Combine(root, p), p))
                .Order(StringComparer.Ordinal)
                .Select(p => Path.Combine(root, p))
                .ToList()
            : [];
        return matches.Count > 0 ? matches : throw Missing(source);
    }

    /// <summary>Adds <paramref name="path"/> as <paramref name="name"/>; a directory adds its contents below name.</summary>
    public async Task AddAsync(SourceTar tar, string path, string name, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path) && new FileInfo(path).LinkTarget is null)
        {
            await AddChildrenAsync(tar, path, name, cancellationToken);
            return;
        }

        await tar.AddAsync(path, name, cancellationToken);
    }

    private async Task AddChildrenAsync(SourceTar tar, string directory, string prefix, CancellationToken cancellationToken)
    {
        foreach (var child in Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, child).Replace('\\', '/');
            var name = prefix.Length == 0 ? Path.GetFileName(child) : $"{prefix}/{Path.GetFileName(child)}";
            var isDirectory = Directory.Exists(child) && new FileInfo(child).LinkTarget is null;
            var excluded = ignore.Excludes(relative);
            if (excluded && !(isDirectory && ignore.MayReinclude(relative)))
            {
                continue;
            }

            if (!excluded)
            {
                await tar.AddAsync(child, name, cancellationToken);
            }

            if (isDirectory)
            {
                await AddChildrenAsync(tar, child, name, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Not ignored, or an ignored directory holding a path a <c>!</c> exception re-includes:
    /// its parents are walked to reach it, as buildah's copier does.
    /// </summary>
    private bool Included(string path, string relative)
    {
        if (!ignore.Excludes(relative))
        {
            return true;
        }

        if (!ignore.HasExceptions || !Directory.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            return false;
        }

        return Directory.EnumerateFileSystemEntries(path, "*", SearchOption.AllDirectories)
            .Any(child => !ignore.Excludes(Path.GetRelativePath(root, child).Replace('\\', '/')));
    }

    /// <summary>
    /// A named source that is a symlink is followed, inside the root as in buildah's chroot
    /// (an absolute or ".." target stops at the top); null when the chain ends nowhere.
    /// </summary>
    private string? Follow(string path)
    {
        for (var hops = 0; hops < 40; hops++)
        {
            var link = new FileInfo(path).LinkTarget;
            if (link is null)
            {
                return File.Exists(path) || Directory.Exists(path) ? path : null;
            }

            var directory = Path.GetRelativePath(root, Path.GetDirectoryName(path) ?? root).Replace('\\', '/');
            var target = link.StartsWith('/') ? link : $"{directory}/{link}";
            path = Path.Combine(root, Clean(target));
        }

        return null;
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private InvalidInputException Missing(string source) =>
        new($"checking on sources under \"{root}\": copier: stat: \"/{Clean(source)}\": no such file or directory");

    /// <summary>The source relative to the root, ".." stopping at the top.</summary>
    public static string Clean(string source)
    {
        var parts = new List<string>();
        foreach (var part in source.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
