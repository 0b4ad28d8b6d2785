using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Errors;
using Modular.Contracts.Storage;
using Modular.Plugins.Storage.Overlay;
using Xunit;

namespace Modular.Plugins.Storage.Tests;

public sealed class StorageModuleTests
{
    [Theory]
    [InlineData("overlay")]
    [InlineData("vfs")]
    public void The_module_registers_the_driver_named_in_configuration(string id)
    {
        var services = new ServiceCollection();

        new StorageModule().Register(services, id);

        using var provider = services.BuildServiceProvider();
        Assert.Equal(id, provider.GetRequiredService<IStorageDriver>().Id);
    }

    [Fact]
    public void An_id_the_module_does_not_provide_is_refused()
    {
        var error = Assert.Throws<InvalidInputException>(
            () => new StorageModule().Register(new ServiceCollection(), "btrfs"));

        Assert.Contains("btrfs", error.Message);
    }
}
