using System.CommandLine;
using Modular.Engine.Containers;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>--default-mounts-file</c> (Podman's mounts.conf): each <c>SRC:DEST</c> line whose
/// source exists is bound into a new container. A missing file, an empty one or a line
/// naming a missing source is skipped without a word, as in Podman.
/// </summary>
public static class RunDefaultMounts
{
    public const string FlagName = "--default-mounts-file";

    public static CreateContainerRequest AddTo(ParseResult r, CreateContainerRequest request)
    {
        var file = r.GetValue<string?>(FlagName);
        if (string.IsNullOrEmpty(file) || !File.Exists(file))
        {
            return request;
        }

        var mounts = File.ReadAllLines(file)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && Path.Exists(parts[0]))
            .Select(parts => $"{parts[0]}:{parts[1]}")
            .ToList();
        return mounts.Count == 0 ? request : request with { Volumes = [.. request.Volumes, .. mounts] };
    }
}
