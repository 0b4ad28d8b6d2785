using Xunit;

namespace Modular.EndToEnd.Fixtures;

[CollectionDefinition(Collections.FieldCases)]
public sealed class FieldCasesCollection : ICollectionFixture<ModpodFixture>;
