using Modular.Engine.Conmon;

namespace Modular.Engine.Containers.Checkpoints;

/// <summary>
/// How conmon runs `runtime restore` instead of `runtime create`: the checkpoint images, the
/// restore options, and how the runtime finds the checkpointer (a path option or PATH).
/// </summary>
public sealed record CheckpointRestorePlan(
    string ImagesDirectory,
    IReadOnlyList<string> RuntimeOptions,
    CheckpointTooling Tooling)
{
    public ConmonRequest Apply(ConmonRequest request)
    {
        var environment = new Dictionary<string, string>(request.Environment)
        {
            ["PATH"] = Tooling.SearchPath(request.Environment.GetValueOrDefault("PATH")),
        };
        return request with
        {
            RestorePath = ImagesDirectory,
            RuntimeOptions = RuntimeOptions,
            RuntimeArguments = [.. request.RuntimeArguments, .. Tooling.GlobalArguments],
            Environment = environment,
        };
    }
}
