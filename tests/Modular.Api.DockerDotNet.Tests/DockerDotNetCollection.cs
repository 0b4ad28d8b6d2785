using Modular.Api.Tests.Docker;
using Xunit;

namespace Modular.Api.DockerDotNet.Tests;

/// <summary>One modpod service (temp store, busybox loaded) shared by the Docker.DotNet tests.</summary>
[CollectionDefinition(Name)]
public sealed class DockerDotNetCollection : ICollectionFixture<DockerServiceFixture>
{
    public const string Name = "docker-dotnet";
}
