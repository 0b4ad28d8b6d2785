using Microsoft.Extensions.DependencyInjection;
using Modular.Engine.Containers;
using Modular.Engine.Events;
using Modular.Engine.Plugins;

namespace Modular.Plugins.Runtime.Tests.Containers;

public sealed class RegistrationTests
{
    [Fact]
    public async Task The_container_service_resolves_from_what_the_host_registers()
    {
        await using var harness = new ContainerHarness();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(harness.Options)
            .AddSingleton<IRuntimeRegistry, FakeRuntimeRegistry>()
            .AddSingleton<IEventLog>(harness.Events)
            .AddModularContainers();
        await using var provider = services.BuildServiceProvider();

        var containers = provider.GetRequiredService<IContainerService>();

        Assert.Empty(await containers.ListAsync(all: true, CancellationToken.None));
    }
}
