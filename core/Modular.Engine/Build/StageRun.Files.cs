using Modular.Contracts.Errors;
using Modular.Engine.Build.Syntax;
using Modular.Engine.Commit;
using Modular.Engine.Containers.Copy;

namespace Modular.Engine.Build;

internal sealed partial class StageRun
{
    private async Task<StepPlan> PlanFileAsync(
        FileInstruction file,
        CancellationToken cancellationToken)
    {
        var destination = Absolute(Expand(file.Destination));
        var sources = file.Sources.Select(s => file.HeredocFor(s) is null ? Expand(s) : s).ToList();
        var mode = file.Options.Chmod is { } chmod ? (UnixFileMode?)ParseChmod(Expand(chmod)) : null;
        var chown = file.Options.Chown is { } owner ? Expand(owner) : null;
        var root = await SourceRootAsync(file, cancellationToken);
        var tar = new SourceTar(Services.Store.TempDirectory, mode);
        try
        {
            var archive = file is AddInstruction
                ? await ArchiveAsync(root, sources, cancellationToken)
                : null;
            var into = archive is not null
                ? destination
                : await CollectAsync(file, root, sources, destination, tar, cancellationToken);
            var digest = archive is null
                ? tar.Digest()
                : (await Images.ArchiveBlobs.HashAsync(archive, cancellationToken)).Digest;
            var single = sources.Count == 1 && archive is null
                && Directory.Exists(Path.Combine(root.Path, SourceSet.Clean(sources[0])));
            var kind = single ? "dir" : "file";
            var createdBy = $"{Nop}{file.Keyword} {kind}:{Hex(digest)} in {destination} ";
            return new StepPlan(
                createdBy,
                $"{digest}|{chown}|{file.Options.Chmod}|{file.Options.Link}",
                ct => WriteFilesAsync(into, chown, archive, tar, ct),
                new Resources(tar, root));
        }
        catch
        {
            await tar.DisposeAsync();
            await root.DisposeAsync();
            throw;
        }
    }

    /// <summary>An octal --chmod value; anything else fails with buildah's parse text.</summary>
    private static UnixFileMode ParseChmod(string text)
    {
        if (text.Length == 0 || text.Length > 11 || text.Any(c => c is < '0' or > '7'))
        {
            throw new InvalidInputException(
                $"parsing chmod \"{text}\": strconv.ParseUint: parsing \"{text}\": invalid syntax");
        }

        return (UnixFileMode)(Convert.ToUInt64(text, 8) & 0xFFF);
    }

    private static string Hex(string digest) =>
        digest.Contains(':') ? digest[(digest.IndexOf(':') + 1)..] : digest;

    private string Absolute(string path)
    {
        if (path.StartsWith('/'))
        {
            return path;
        }

        var workdir = _config["WorkingDir"]?.GetValue<string>() ?? "/";
        return workdir.TrimEnd('/') + "/" + path;
    }

    /// <summary>Adds the sources to the tar; returns the directory it is extracted in.</summary>
    private async Task<string> CollectAsync(
        FileInstruction file,
        SourceRoot root,
        IReadOnlyList<string> sources,
        string destination,
        SourceTar tar,
        CancellationToken cancellationToken)
    {
        var set = new SourceSet(root.Path, root.Ignore);
        var resolved = new List<(string? Path, Heredoc? Doc, string Source)>();
        foreach (var source in sources)
        {
            if (file.HeredocFor(source) is { } doc)
            {
                resolved.Add((null, doc, source));
                continue;
            }

            if (IsUrl(source) && file is not AddInstruction)
            {
                throw new InvalidInputException("source can't be a URL for COPY");
            }

            if (IsUrl(source))
            {
                resolved.Add((await DownloadAsync(root, source, cancellationToken), null, source));
                continue;
            }

            foreach (var path in set.Resolve(source))
            {
                resolved.Add((path, null, source));
            }
        }

        var toDirectory = destination.EndsWith('/') || resolved.Count > 1
            || sources.Any(PathPattern.HasWildcard)
            || await IsDirectoryAsync(destination, cancellationToken)
            || (resolved.Count == 1 && resolved[0].Path is { } p && Directory.Exists(p));
        var into = toDirectory
            ? destination.TrimEnd('/')
            : Path.GetDirectoryName(destination.TrimEnd('/')) ?? "/";
        foreach (var (path, doc, _) in resolved)
        {
            var name = toDirectory
                ? (path is null ? doc!.Name : Directory.Exists(path) ? "" : Path.GetFileName(path))
                : Path.GetFileName(destination.TrimEnd('/'));
            if (doc is not null)
            {
                var text = doc.Expand ? Expand(doc.Content) : doc.Content;
                await tar.AddTextAsync(name, text, cancellationToken);
            }
            else
            {
                await set.AddAsync(tar, path!, name, cancellationToken);
            }
        }

        return into.Length == 0 ? "/" : into;
    }

    private async Task<bool> IsDirectoryAsync(
        string destination,
        CancellationToken cancellationToken)
    {
        if (_topLayerId is null)
        {
            return false;
        }

        await using var view = await TempLayer.CreateAsync(
            Services.Layers, _topLayerId, cancellationToken);
        using var root = RootDirectory.Open(view.Root);
        return root.Stat(destination) is { IsDirectory: true };
    }

    private async Task<CapturedLayer?> WriteFilesAsync(
        string into,
        string? chown,
        string? archive,
        SourceTar tar,
        CancellationToken cancellationToken)
    {
        if (archive is null && tar.Count == 0)
        {
            // Everything was ignored: the step changes nothing, so it adds no layer
            // (an empty tar has not even its end blocks).
            return null;
        }

        await using var layer = await TempLayer.CreateAsync(
            Services.Layers, _topLayerId, cancellationToken);
        using (var root = RootDirectory.Open(layer.Root))
        {
            // COPY's files belong to root unless --chown says otherwise, whatever USER is (BLD-03);
            // an archive ADD keeps the owners its tar records.
            (uint, uint)? owner = chown is not null ? ContainerUser.ResolveKnown(root, chown)
                : archive is null ? (0, 0)
                : null;
            var options = new ExtractOptions(owner, Overwrite: true, IgnoreDevices: false);
            if (archive is not null)
            {
                await using var file = File.OpenRead(archive);
                await using var plain = await Images.LayerStreams.DecompressAsync(
                    file, cancellationToken);
                await new TarExtractor(root, into, options).ExtractAsync(plain, cancellationToken);
            }
            else
            {
                var stream = await tar.FinishAsync();
                await new TarExtractor(root, into, options).ExtractAsync(stream, cancellationToken);
            }
        }

        return await layer.CaptureAsync(Services.Capture, cancellationToken);
    }

    private StepPlan PlanWorkdir(WorkdirInstruction workdir)
    {
        var path = Absolute(Expand(workdir.Path));
        var clean = "/" + SourceSet.Clean(path);
        RuntimeConfig.SetString(_config, "WorkingDir", clean);
        return new StepPlan(Nop + workdir.Original, "", async cancellationToken =>
        {
            await using var layer = await TempLayer.CreateAsync(
                Services.Layers, _topLayerId, cancellationToken);
            using (var root = RootDirectory.Open(layer.Root))
            {
                if (clean == "/" || root.Stat(clean) is { IsDirectory: true })
                {
                    return null;
                }

                var parent = Path.GetDirectoryName(clean) ?? "/";
                var options = new ExtractOptions((0, 0), true, false);
                var extract = new TarExtractor(root, parent, options);
                var tar = DirectoryTar(Path.GetFileName(clean));
                await extract.ExtractAsync(tar, cancellationToken);
            }

            return await layer.CaptureAsync(Services.Capture, cancellationToken);
        });
    }

    /// <summary>A tar holding one directory entry, 0755: how WORKDIR makes its directory.</summary>
    private static MemoryStream DirectoryTar(string name)
    {
        var stream = new MemoryStream();
        using (var writer = new System.Formats.Tar.TarWriter(stream, leaveOpen: true))
        {
            var type = System.Formats.Tar.TarEntryType.Directory;
            writer.WriteEntry(new System.Formats.Tar.PaxTarEntry(type, name + "/")
            {
                Mode = (UnixFileMode)0x1ed,
                ModificationTime = DateTimeOffset.UtcNow,
            });
        }

        stream.Position = 0;
        return stream;
    }

    private sealed class Resources(SourceTar tar, SourceRoot root) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await tar.DisposeAsync();
            await root.DisposeAsync();
        }
    }
}
