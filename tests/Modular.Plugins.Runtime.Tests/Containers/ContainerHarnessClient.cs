using Microsoft.Extensions.Logging.Abstractions;
using Modular.Engine.Containers;

namespace Modular.Plugins.Runtime.Tests.Containers;

/// <summary>
/// A second ContainerService on the harness's store, as another modpod process would open
/// it: its own SQLite connections and locks, sharing only the files.
/// </summary>
public sealed class ContainerHarnessClient(ContainerHarness harness)
{
    private readonly ContainerService _service = new(
        harness.Options,
        new FakeRuntimeRegistry(),
        harness.Events,
        NullLogger<ContainerService>.Instance);

    public Task<ContainerInfo> CreateAsync(CreateContainerRequest request) =>
        _service.CreateAsync(request, CancellationToken.None);
}
