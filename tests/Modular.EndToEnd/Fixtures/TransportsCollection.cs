using Xunit;

namespace Modular.EndToEnd.Fixtures;

/// <summary>Save, load, pull and export through the file transports, with the witnesses.</summary>
[CollectionDefinition(Collections.Transports)]
public sealed class TransportsCollection : ICollectionFixture<ModpodFixture>, ICollectionFixture<WitnessFixture>;
