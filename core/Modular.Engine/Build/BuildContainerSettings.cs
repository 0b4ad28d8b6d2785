namespace Modular.Engine.Build;

/// <summary>
/// How every RUN step's container is set up, from <c>build</c>'s flags of the same names
/// (as typed; the container service parses and checks them as for <c>run</c>).
/// </summary>
public sealed record BuildContainerSettings
{
    public IReadOnlyList<string> Ulimits { get; init; } = [];
    public IReadOnlyList<string> SecurityOpts { get; init; } = [];
    public IReadOnlyList<string> CapAdd { get; init; } = [];
    public IReadOnlyList<string> CapDrop { get; init; } = [];
    public IReadOnlyList<string> DnsServers { get; init; } = [];
    public IReadOnlyList<string> DnsSearch { get; init; } = [];
    public IReadOnlyList<string> DnsOptions { get; init; } = [];
}
