using System.CommandLine;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>--uidmap</c> and <c>--gidmap</c> (CONTAINER:HOST:SIZE, repeatable): the container runs
/// in a user namespace of its own with these mappings; without --gidmap the groups map
/// as the users do, as in Podman.
/// </summary>
public sealed class RunIdMapFlags
{
    /// <summary>The flags here that take a value, for <see cref="Parsing.ArgvSplitter"/>.</summary>
    public static readonly string[] ValueFlags = ["--uidmap", "--gidmap"];

    public Option<string[]> UidMap { get; } =
        Values("--uidmap", "UID map to use for the user namespace (CONTAINER:HOST:SIZE)");
    public Option<string[]> GidMap { get; } =
        Values("--gidmap", "GID map to use for the user namespace (CONTAINER:HOST:SIZE)");

    public Command AddTo(Command command) => command.With(UidMap, GidMap);

    public CreateContainerRequest AddTo(ParseResult r, CreateContainerRequest request) =>
        request with { UidMap = r.GetValue(UidMap)!, GidMap = r.GetValue(GidMap)! };
}
