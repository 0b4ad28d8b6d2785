using Modular.Engine.Networks;

namespace Modular.Engine.Tests.Networks;

/// <summary>Replaces the host's interface list, so subnet and bridge choice is tested against a known host.</summary>
public sealed class FakeHostInterfaces(IReadOnlyList<string>? names = null, IReadOnlyList<string>? subnets = null)
    : IHostInterfaces
{
    public IReadOnlyList<string> Names() => names ?? ["lo", "eth0"];

    public IReadOnlyList<Cidr> Subnets() => [.. (subnets ?? ["127.0.0.0/8"]).Select(Cidr.Parse)];
}
