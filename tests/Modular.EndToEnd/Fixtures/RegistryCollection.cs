using Xunit;

namespace Modular.EndToEnd.Fixtures;

[CollectionDefinition(Collections.Registry)]
public sealed class RegistryCollection : ICollectionFixture<RegistryFixture>, ICollectionFixture<ModpodFixture>;
