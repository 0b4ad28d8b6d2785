using Modular.Cli.Errors;
using Modular.Engine.Containers;

namespace Modular.Cli.Commands;

/// <summary><c>ps --sort</c>: ascending by one field, as Podman's sorters compare.</summary>
public static class PsSort
{
    public static readonly string[] Choices =
        ["command", "created", "id", "image", "names", "runningfor", "size", "status"];

    /// <summary>Refuses an unknown field with cobra's text for a bad choice flag.</summary>
    public static void Validate(string? field)
    {
        if (field is not null && !Choices.Contains(field))
        {
            throw new UsageException(
                $"invalid argument \"{field}\" for \"--sort\" flag: \"{field}\" is not a valid value.  "
                + $"Choose from: \"{string.Join(", ", Choices)}\"");
        }
    }

    public static IReadOnlyList<ContainerInfo> Apply(
        IReadOnlyList<ContainerInfo> list,
        string? field,
        IReadOnlyDictionary<string, ContainerSize>? sizes) => field switch
    {
        null => list,
        "command" => list.OrderBy(c => string.Join(' ', c.Command), StringComparer.Ordinal).ToList(),
        "created" => list.OrderBy(c => c.Created).ToList(),
        "id" => list.OrderBy(c => c.Id, StringComparer.Ordinal).ToList(),
        "image" => list.OrderBy(c => c.ImageName, StringComparer.Ordinal).ToList(),
        "names" => list.OrderBy(c => c.Name, StringComparer.Ordinal).ToList(),
        "runningfor" => list.OrderBy(c => c.StartedAt?.ToUnixTimeSeconds() ?? 0).ToList(),
        "status" => list.OrderBy(c => c.State, StringComparer.Ordinal).ToList(),
        // Without --size Podman has no sizes to compare and leaves the order alone.
        _ => sizes is null
            ? list
            : list.OrderBy(c => sizes.TryGetValue(c.Id, out var s) ? s.RootFsSize : 0).ToList(),
    };
}
