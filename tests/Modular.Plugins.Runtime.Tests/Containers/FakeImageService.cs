using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Images;

namespace Modular.Plugins.Runtime.Tests.Containers;

/// <summary>
/// Stands in for the images helper's service: one local image whose config has an
/// entrypoint, a command, an environment and a working directory, and no registry.
/// </summary>
public sealed class FakeImageService : IImageService
{
    public static readonly LocalImage Image = new(
        Id: new string('a', 64),
        Names: ["localhost/busybox:latest"],
        Digest: "sha256:" + new string('b', 64),
        RepoDigests: [],
        Created: DateTimeOffset.UnixEpoch,
        Size: 0,
        TopLayerId: new string('c', 64),
        DiffIds: [],
        Config: new ImageConfig(
            User: null,
            Env: ["PATH=/bin", "FROM_IMAGE=yes"],
            Entrypoint: ["echo", "from-entrypoint"],
            Cmd: ["default-cmd"],
            WorkingDir: "/tmp",
            Labels: new Dictionary<string, string> { ["origin"] = "image" },
            ExposedPorts: [],
            StopSignal: "SIGTERM"),
        Os: "linux",
        Architecture: "amd64",
        ManifestMediaType: "application/vnd.oci.image.manifest.v1+json");

    public Task<LocalImage> ResolveAsync(string nameOrId, CancellationToken cancellationToken) =>
        Image.Names.Any(name => name == nameOrId || name == $"localhost/{nameOrId}:latest")
            ? Task.FromResult(Image)
            : throw new NotFoundException($"{nameOrId}: image not known");

    public Task<LocalImage> PullAsync(string reference, PullOptions options, CancellationToken cancellationToken) =>
        throw new NotFoundException($"{reference}: no registry in this test");

    public Task<IReadOnlyList<string>> LoadAsync(string archivePath, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<LocalImage>> ListAsync(bool all, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LocalImage>>([Image]);

    public Task<JsonObject> InspectAsync(string nameOrId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public JsonObject Summarize(LocalImage image) => throw new NotSupportedException();

    public Task TagAsync(string nameOrId, string newName, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<string>> RemoveAsync(string nameOrId, bool force, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
