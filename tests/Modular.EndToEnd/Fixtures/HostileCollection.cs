using Xunit;

namespace Modular.EndToEnd.Fixtures;

[CollectionDefinition(Collections.Hostile)]
public sealed class HostileCollection : ICollectionFixture<RegistryFixture>, ICollectionFixture<ModpodFixture>;
