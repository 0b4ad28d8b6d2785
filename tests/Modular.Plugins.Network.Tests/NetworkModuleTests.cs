using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;
using Modular.Plugins.Network.Cni;

namespace Modular.Plugins.Network.Tests;

/// <summary>The module registers the backend the configuration names, and only the two it has.</summary>
public sealed class NetworkModuleTests
{
    [Theory]
    [InlineData("netavark", false)]
    [InlineData("cni", true)]
    public void The_module_registers_the_backend_named_in_the_configuration(string id, bool allocates)
    {
        var services = new ServiceCollection().AddLogging();

        new NetworkModule().Register(services, id);

        using var provider = services.BuildServiceProvider();
        var backend = provider.GetRequiredService<INetworkBackend>();
        Assert.Equal(id, backend.Id);
        Assert.Equal(allocates, backend.AllocatesAddresses);
    }

    [Fact]
    public void An_unknown_id_is_refused_naming_it()
    {
        var error = Assert.Throws<InvalidInputException>(() => new NetworkModule().Register(new ServiceCollection(), "slirp"));

        Assert.Contains("\"slirp\"", error.Message);
    }
}
