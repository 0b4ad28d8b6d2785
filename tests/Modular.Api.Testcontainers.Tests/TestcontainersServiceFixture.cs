using Modular.Api.Tests.Docker;
using Xunit;

namespace Modular.Api.Testcontainers.Tests;

/// <summary>
/// The modpod service of Modular.Api.Tests, plus what Testcontainers needs set before its
/// first use: Ryuk off (it would pull its own image from Docker Hub) and DOCKER_HOST at the
/// service's socket only, and a bridge network of our own subnet for published ports.
/// </summary>
public sealed class TestcontainersServiceFixture : IAsyncLifetime
{
    public const string Network = "tcnet216";

    public DockerServiceFixture Service { get; } = new();

    public Uri Endpoint => new("unix://" + Service.Socket);

    public async Task InitializeAsync()
    {
        await Service.InitializeAsync();
        Environment.SetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED", "true");
        Environment.SetEnvironmentVariable("DOCKER_HOST", Endpoint.ToString());
        var created = await Service.Modpod.RunAsync(
            "network", "create", "--subnet", "10.216.7.0/24", Network);
        if (created.ExitCode != 0)
        {
            await Service.DisposeAsync();
            throw new InvalidOperationException("network create failed: " + created.StandardError);
        }
    }

    public async Task DisposeAsync()
    {
        await Service.Modpod.RunAsync("rm", "-a", "-f", "-t", "0");
        await Service.Modpod.RunAsync("network", "rm", "-f", Network);
        await Service.DisposeAsync();
    }
}
