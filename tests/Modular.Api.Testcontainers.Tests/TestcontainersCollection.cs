using Xunit;

namespace Modular.Api.Testcontainers.Tests;

[CollectionDefinition(Name)]
public sealed class TestcontainersCollection : ICollectionFixture<TestcontainersServiceFixture>
{
    public const string Name = "testcontainers";
}
