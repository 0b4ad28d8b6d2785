using Xunit;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// Test collections, each with its own store. Collections run one after another: the
/// host has two cores and real containers, and timing must not decide a result.
/// </summary>
public static class Collections
{
    public const string Registry = "registry";
    public const string Containers = "containers";
    public const string Hostile = "hostile";
    public const string FieldCases = "field-cases";
    public const string Transports = "transports";
}
