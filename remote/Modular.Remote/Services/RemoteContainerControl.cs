using System.Net;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Remote.Services;

/// <summary>
/// IContainerControl over /libpod/containers/{name}/...: the service runs the verb, then the
/// container is read back for the command's report. Mounting is left to the service's host:
/// Podman's remote client has no <c>mount</c> or <c>unmount</c> either.
/// </summary>
public sealed class RemoteContainerControl(LibpodClient libpod, RemoteContainerService containers)
    : IContainerControl
{
    public Task<ContainerInfo> PauseAsync(string nameOrId, CancellationToken cancellationToken) =>
        VerbAsync(nameOrId, "pause", cancellationToken);

    public Task<ContainerInfo> UnpauseAsync(string nameOrId, CancellationToken cancellationToken) =>
        VerbAsync(nameOrId, "unpause", cancellationToken);

    public Task<ContainerInfo> RestartAsync(
        string nameOrId,
        int? timeoutSeconds,
        CancellationToken cancellationToken) =>
        VerbAsync(nameOrId, "restart" + ControlQuery.Timeout(timeoutSeconds), cancellationToken);

    public async Task<ContainerInfo> RenameAsync(
        string nameOrId,
        string newName,
        CancellationToken cancellationToken)
    {
        var path = $"libpod/containers/{Name(nameOrId)}/rename?name={Name(newName)}";
        using (await libpod.PostAsync(path, null, cancellationToken))
        {
        }

        return await containers.ResolveAsync(newName, cancellationToken);
    }

    /// <summary>The service answers 304 for a container initialized already.</summary>
    public async Task<bool> InitAsync(string nameOrId, CancellationToken cancellationToken)
    {
        using var response = await libpod.PostAsync(
            $"libpod/containers/{Name(nameOrId)}/init",
            null,
            cancellationToken);
        return response.StatusCode != HttpStatusCode.NotModified;
    }

    public Task<ContainerMountInfo> MountAsync(string nameOrId, CancellationToken cancellationToken) =>
        throw LocalOnly("mount");

    public Task<ContainerMountInfo?> UnmountAsync(
        string nameOrId,
        bool force,
        CancellationToken cancellationToken) =>
        throw LocalOnly("unmount");

    public Task<IReadOnlyList<ContainerMountInfo>> ListMountedAsync(CancellationToken cancellationToken) =>
        throw LocalOnly("mount");

    /// <summary>The service's {"Titles","Processes"} back as top's rows of cells.</summary>
    public async Task<ContainerProcessTable> TopAsync(
        string nameOrId,
        IReadOnlyList<string> descriptors,
        CancellationToken cancellationToken)
    {
        var path = $"libpod/containers/{Name(nameOrId)}/top" + ControlQuery.PsArgs(descriptors);
        var answer = await libpod.GetJsonAsync(path, cancellationToken);
        return ProcessTableJson.From(answer);
    }

    private async Task<ContainerInfo> VerbAsync(
        string nameOrId,
        string verb,
        CancellationToken cancellationToken)
    {
        using (await libpod.PostAsync($"libpod/containers/{Name(nameOrId)}/{verb}", null, cancellationToken))
        {
        }

        return await containers.ResolveAsync(nameOrId, cancellationToken);
    }

    // Podman's remote client does not register the command at all; cobra then says this.
    private static InvalidInputException LocalOnly(string command) =>
        new($"unrecognized command `modpod {command}`");

    private static string Name(string value) => LibpodClient.Escape(value);
}
