using Modular.Contracts.Errors;

namespace Modular.Engine.Containers.Copy;

/// <summary>
/// The host's side of a copy on its own, for a client whose container side is elsewhere (the
/// remote client talks to the service's archive routes): the same resolution, names, errors
/// and extraction rules as a local <c>cp</c>, so both print the same.
/// </summary>
public sealed partial class ContainerCopier
{
    /// <summary>A host source, symlinks evaluated; "could not be found on the host" when missing.</summary>
    public static ResolvedSource ResolveHostSource(string typed)
    {
        using var root = RootDirectory.Open("/");
        return ResolveSource(HostEndpoint(root, typed), typed);
    }

    /// <summary>Where a copy lands on the host, checked as a local copy checks it.</summary>
    public static CopyTarget ResolveHostDestination(string typed)
    {
        using var root = RootDirectory.Open("/");
        return ResolveDestination(HostEndpoint(root, typed), typed, isStdin: false);
    }

    /// <summary>The base name of an absolute in-root path ("/" for the root).</summary>
    public static string NameOf(string path) => BaseName(path);

    /// <summary>Writes a host source as a tar, its top entry named <paramref name="topName"/>.</summary>
    public static async Task WriteHostTarAsync(
        ResolvedSource from,
        string? topName,
        Stream output,
        CancellationToken cancellationToken)
    {
        using var root = RootDirectory.Open("/");
        await WriteTarAsync(HostEndpoint(root, from.Path), from.Path, topName, output, cancellationToken);
    }

    /// <summary>
    /// Extracts a container's tar into <paramref name="target"/> on the host. Its top entry,
    /// whatever its name, is renamed <paramref name="topName"/>; null: the tar holds contents only.
    /// </summary>
    public static async Task ExtractToHostAsync(
        Stream tar,
        CopyTarget target,
        string? topName,
        bool overwrite,
        CancellationToken cancellationToken)
    {
        using var root = RootDirectory.Open("/");
        var options = new ExtractOptions(
            Owner: (Syscalls.EffectiveUser(), Syscalls.EffectiveGroup()),
            Overwrite: overwrite,
            IgnoreDevices: true);
        var extractor = new TarExtractor(root, target.Directory, options);
        try
        {
            if (topName is null)
            {
                await extractor.ExtractAsync(tar, cancellationToken);
                return;
            }

            await PipeAsync(
                output => TarRenamer.RenameTopAsync(tar, topName, output, cancellationToken),
                input => extractor.ExtractAsync(input, cancellationToken));
        }
        catch (IOException e)
        {
            throw new InvalidInputException($"copying to host: {e.Message}", e);
        }
    }

    /// <summary>Copies a tar to <paramref name="output"/>, its top entry renamed <paramref name="topName"/>.</summary>
    public static Task RenameTopAsync(
        Stream tar,
        string topName,
        Stream output,
        CancellationToken cancellationToken) =>
        TarRenamer.RenameTopAsync(tar, topName, output, cancellationToken);

    private static CopyEndpoint HostEndpoint(RootDirectory root, string typed) =>
        new(root, null, Path.GetFullPath(typed), (Syscalls.EffectiveUser(), Syscalls.EffectiveGroup()));
}
