namespace Modular.Cli.Commands;

/// <summary>How rmi treats each name: its --force, --no-prune, and whether a name that
/// matches no image is passed over (--force, --ignore, --all).</summary>
internal sealed record RemoveHow(bool Force, bool SkipMissing, bool NoPrune);
