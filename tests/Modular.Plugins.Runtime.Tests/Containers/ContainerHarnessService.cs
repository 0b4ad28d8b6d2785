using Microsoft.Extensions.Logging.Abstractions;
using Modular.Engine.Containers;

namespace Modular.Plugins.Runtime.Tests.Containers;

/// <summary>A fresh ContainerService on the harness's store, as a later modpod process opens it.</summary>
public sealed class ContainerHarnessService(ContainerHarness harness)
{
    public ContainerService Service { get; } = new(
        harness.Options,
        new FakeRuntimeRegistry(),
        harness.Events,
        NullLogger<ContainerService>.Instance,
        new ContainerServiceOptions("/bin/true"));
}
