using Xunit;

namespace Modular.EndToEnd.Checkpoint;

/// <summary>Checkpoint tests: each makes its own stores (runc, crun, a second --root).</summary>
[CollectionDefinition(Name)]
public sealed class CheckpointCollection
{
    public const string Name = "checkpoint";
}
