using Xunit;

namespace Modular.EndToEnd.Fixtures;

[CollectionDefinition(Collections.Containers)]
public sealed class ContainersCollection : ICollectionFixture<ModpodFixture>;
