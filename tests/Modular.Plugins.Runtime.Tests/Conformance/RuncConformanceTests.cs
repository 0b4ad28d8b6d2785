using Modular.Conformance.Runtime;
using Modular.Contracts.Runtime;
using Modular.Plugins.Runtime.Runc;

namespace Modular.Plugins.Runtime.Tests.Conformance;

/// <summary>The runtime kit against runc 1.1.</summary>
public sealed class RuncConformanceTests : OciRuntimeConformance
{
    protected override IOciRuntime CreateRuntime() => new RuncRuntime();
}
