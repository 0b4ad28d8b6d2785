using Xunit;

namespace Modular.Api.Tests.Docker;

[CollectionDefinition(Name)]
public sealed class DockerServiceCollection : ICollectionFixture<DockerServiceFixture>
{
    public const string Name = "docker-service";
}
