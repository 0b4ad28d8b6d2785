using Modular.Conformance.Checkpoint;
using Modular.Contracts.Checkpoint;
using Modular.Contracts.Runtime;
using Modular.Plugins.Checkpoint.Criu;
using Modular.Plugins.Runtime.Runc;

namespace Modular.Plugins.Checkpoint.Tests;

/// <summary>The checkpointer kit against the criu plugin (criu 4.1 from scripts/setup-criu), through runc.</summary>
public sealed class CriuConformanceTests : CheckpointerConformance
{
    protected override ICheckpointer CreateCheckpointer() => new CriuCheckpointer();

    protected override ICheckpointer CreateIsolatedCheckpointer() => new CriuCheckpointer([]);

    protected override IOciRuntime CreateRuntime() => new RuncRuntime();
}
