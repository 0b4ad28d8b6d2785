using System.Text.Json;
using Modular.Contracts.Errors;
using Modular.Engine.Containers.Resources;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService : IContainerResources
{
    public async Task<ContainerInfo> UpdateAsync(
        string nameOrId,
        ResourceFlags flags,
        CancellationToken cancellationToken)
    {
        var id = (await FindAsync(nameOrId, cancellationToken)).Config.Id;
        await using var containerLock = await LockAsync(id, cancellationToken);
        var record = await ReloadLockedAsync(id, nameOrId, cancellationToken);
        var resources = ResourceParser.Apply(record.Config.Resources, flags);
        if (record.Config.Resources.CgroupsMode == "disabled" && flags.AnyLimit)
        {
            throw new InvalidInputException("cannot specify resource limits when cgroups are disabled");
        }

        if (record.State.Status == ContainerStatus.Running)
        {
            await ApplyOrRestoreAsync(record.Config, resources, cancellationToken);
        }

        var config = record.Config with
        {
            Resources = resources,
            Security = WithUlimits(record.Config.Security, flags.Ulimits),
        };
        await _store.UpdateConfigAsync(config, cancellationToken);
        await EmitAsync(config, "update", cancellationToken);
        return ToInfo(record with { Config = config });
    }

    // A runtime may refuse a value after writing part of it (runc reads cpu.shares back and
    // fails when the kernel raised 1 to 2): the old limits are written again so the cgroup
    // keeps matching what inspect shows, then the refusal is reported.
    private async Task ApplyOrRestoreAsync(
        ContainerConfig config,
        ContainerResources resources,
        CancellationToken cancellationToken)
    {
        try
        {
            await ApplyToRuntimeAsync(config, resources, cancellationToken);
        }
        catch (BackendException)
        {
            try
            {
                await ApplyToRuntimeAsync(config, config.Resources, CancellationToken.None);
            }
            catch (BackendException)
            {
                // The first refusal is the one the user needs to see.
            }

            throw;
        }
    }

    // The runtime reads the new limits from a file; it lives in the bundle only while used.
    private async Task ApplyToRuntimeAsync(
        ContainerConfig config,
        ContainerResources resources,
        CancellationToken cancellationToken)
    {
        var paths = PathsFor(config.Id);
        var file = Path.Combine(paths.Bundle, "resources-update.json");
        var document = ResourceSpec.BuildUpdate(resources);
        await File.WriteAllTextAsync(file, document.ToJsonString(new JsonSerializerOptions()), cancellationToken);
        try
        {
            var result = await RuntimeFor(config).UpdateAsync(config.Id, file, cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new BackendException(
                    $"{config.Runtime}: {RuntimeMessage.Clean(result.StandardError)}: OCI runtime error");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
