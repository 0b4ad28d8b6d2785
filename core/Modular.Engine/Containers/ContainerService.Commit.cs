using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// What <c>commit</c> reads of a container: its stored config (layer, image, process)
    /// and whether it runs. A container on an exploded <c>--rootfs</c> has no layer to commit.
    /// </summary>
    public async Task<(ContainerConfig Config, bool Running)> CommitSourceAsync(
        string nameOrId,
        CancellationToken cancellationToken)
    {
        var record = await RefreshOrThrowAsync(nameOrId, cancellationToken);
        if (record.Config.LayerId is null)
        {
            throw new InvalidInputException(
                $"cannot commit {record.Config.Name}: its root file system is not a layer (--rootfs)");
        }

        return (record.Config, record.State.Status == ContainerStatus.Running);
    }

    /// <summary>Records the container event <c>commit</c>, as Podman's event log shows it.</summary>
    public Task EmitCommitAsync(ContainerConfig config, CancellationToken cancellationToken) =>
        EmitAsync(config, "commit", cancellationToken);
}
