using Modular.Contracts.Checkpoint;
using Modular.Contracts.Runtime;

namespace Modular.Engine.Containers.Checkpoints;

/// <summary>
/// What the engine put together from the checkpointer plugin and the runtime plugin, which
/// never see each other: the checkpointer's executable goes to the runtime either as its
/// path option (runc <c>--criu PATH</c>) or first in PATH (crun looks criu up there).
/// </summary>
public sealed record CheckpointTooling(
    CheckpointerProbe Probe,
    CheckpointLayout Layout,
    CheckpointVerbs Verbs)
{
    private const string DefaultSearchPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>Global runtime arguments naming the checkpointer, when the runtime takes them.</summary>
    public IReadOnlyList<string> GlobalArguments =>
        Verbs.CheckpointerPathOption is { } option ? [option, Probe.ExecutablePath] : [];

    /// <summary>PATH with the checkpointer's directory first.</summary>
    public string SearchPath(string? current)
    {
        var directory = Path.GetDirectoryName(Probe.ExecutablePath);
        var rest = string.IsNullOrEmpty(current) ? DefaultSearchPath : current;
        return string.IsNullOrEmpty(directory) ? rest : $"{directory}:{rest}";
    }
}
