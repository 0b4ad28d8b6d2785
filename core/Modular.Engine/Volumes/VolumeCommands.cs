using CliWrap;
using CliWrap.Buffered;
using Modular.Contracts.Errors;

namespace Modular.Engine.Volumes;

/// <summary>
/// The host programs volumes need: mount and umount for volumes with options, cp for
/// copy-up, chown for U and NeedsChown, tar for export and import. Each failure becomes a
/// <see cref="BackendException"/> carrying the program's own message.
/// </summary>
public static class VolumeCommands
{
    /// <summary>Mounts a volume's device as Podman's local driver does: <c>mount -t TYPE -o O DEVICE DIR</c>.</summary>
    public static Task MountAsync(
        IReadOnlyDictionary<string, string> options,
        string target,
        CancellationToken cancellationToken)
    {
        var arguments = new List<string>();
        options.TryGetValue("type", out var type);
        var bind = type == "bind";

        // "bind" is no filesystem type: mount(8) spells a bind mount as -o bind.
        if (type is { Length: > 0 } && !bind)
        {
            arguments.AddRange(["-t", type]);
        }

        options.TryGetValue("o", out var mountOptions);
        var joined = string.Join(',', new[] { bind ? "bind" : "", mountOptions ?? "" }.Where(o => o.Length > 0));
        if (joined.Length > 0)
        {
            arguments.AddRange(["-o", joined]);
        }

        var device = options.TryGetValue("device", out var given) && given.Length > 0 ? given : type ?? "none";
        return RunAsync("mount", [.. arguments, device, target], cancellationToken);
    }

    public static Task UnmountAsync(string target, CancellationToken cancellationToken) =>
        RunAsync("umount", [target], cancellationToken);

    /// <summary>Copies a directory's content, owners, modes and xattrs into another.</summary>
    public static Task CopyContentAsync(string source, string target, CancellationToken cancellationToken) =>
        RunAsync("cp", ["-a", "--", Path.Combine(source, "."), target + "/"], cancellationToken);

    /// <summary>Gives <paramref name="target"/> the owner and mode of <paramref name="reference"/>.</summary>
    public static async Task CopyOwnershipAsync(string reference, string target, CancellationToken cancellationToken)
    {
        await RunAsync("chown", ["--no-dereference", "--reference=" + reference, target], cancellationToken);
        await RunAsync("chmod", ["--reference=" + reference, target], cancellationToken);
    }

    /// <summary>Chowns a tree, not following symlinks (the U option).</summary>
    public static Task ChownTreeAsync(string path, uint uid, uint gid, CancellationToken cancellationToken) =>
        RunAsync("chown", ["-R", "-h", $"{uid}:{gid}", "--", path], cancellationToken);

    public static Task ChownAsync(string path, string owner, CancellationToken cancellationToken) =>
        RunAsync("chown", [owner, "--", path], cancellationToken);

    /// <summary>Writes a tar of <paramref name="directory"/>'s content to <paramref name="output"/>.</summary>
    public static async Task ExportAsync(string directory, Stream output, CancellationToken cancellationToken)
    {
        var result = await Cli.Wrap("tar")
            .WithArguments(["-C", directory, "--numeric-owner", "--xattrs", "-cf", "-", "."])
            .WithStandardOutputPipe(PipeTarget.ToStream(output))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        Check("tar", result);
    }

    /// <summary>Unpacks a tar from <paramref name="input"/> into <paramref name="directory"/>.</summary>
    public static async Task ImportAsync(string directory, Stream input, CancellationToken cancellationToken)
    {
        // --no-overwrite-dir keeps the volume root's own owner and mode; tar refuses
        // absolute names and .. members on its own, so nothing lands outside the volume.
        var result = await Cli.Wrap("tar")
            .WithArguments(["-C", directory, "--numeric-owner", "--xattrs", "--no-overwrite-dir", "-xf", "-"])
            .WithStandardInputPipe(PipeSource.FromStream(input))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        Check("tar", result);
    }

    private static async Task RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var result = await Cli.Wrap(program)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        Check(program, result);
    }

    private static void Check(string program, BufferedCommandResult result)
    {
        if (result.ExitCode != 0)
        {
            throw new BackendException($"{program}: {result.StandardError.Trim()}");
        }
    }
}
