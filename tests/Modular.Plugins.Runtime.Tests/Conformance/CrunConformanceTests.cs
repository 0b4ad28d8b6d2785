using Modular.Conformance.Runtime;
using Modular.Contracts.Runtime;
using Modular.Plugins.Runtime.Crun;

namespace Modular.Plugins.Runtime.Tests.Conformance;

/// <summary>The runtime kit against crun 1.8 (through its hybrid-cgroup wrapper here).</summary>
public sealed class CrunConformanceTests : OciRuntimeConformance
{
    protected override IOciRuntime CreateRuntime() => new CrunRuntime();
}
