using System.CommandLine;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>The mount flags of <c>create</c> and <c>run</c>; the engine parses their values.</summary>
public sealed class VolumeFlags
{
    public Option<string[]> Volume { get; } =
        Values("--volume", "Mount a volume or host path: [SOURCE:]DEST[:OPTIONS]; repeatable", "-v");
    public Option<string[]> Mount { get; } =
        Values("--mount", "Mount as type=bind|volume|tmpfs,KEY=VALUE,...; repeatable");
    public Option<string[]> Tmpfs { get; } =
        Values("--tmpfs", "Mount a tmpfs at DEST[:OPTIONS]; repeatable");
    public Option<string[]> VolumesFrom { get; } =
        Values("--volumes-from", "Mount the volumes of another container, CONTAINER[:ro|rw]; repeatable");
    public Option<string?> ImageVolume { get; } =
        Value("--image-volume", "What the image's VOLUME entries become: bind (anonymous volumes), tmpfs or ignore");

    public Command AddTo(Command command) => command.With(Volume, Mount, Tmpfs, VolumesFrom, ImageVolume);

    public CreateContainerRequest AddTo(ParseResult r, CreateContainerRequest request) => request with
    {
        Volumes = r.GetValue(Volume)!,
        Mounts = r.GetValue(Mount)!,
        Tmpfs = r.GetValue(Tmpfs)!,
        VolumesFrom = r.GetValue(VolumesFrom)!,
        ImageVolume = r.GetValue(ImageVolume),
    };
}
