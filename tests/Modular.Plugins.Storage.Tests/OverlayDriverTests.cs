using Modular.Contracts.Storage;
using Modular.Plugins.Storage.Overlay;

namespace Modular.Plugins.Storage.Tests;

public sealed class OverlayDriverTests : StorageDriverConformance
{
    protected override IStorageDriver NewDriver() => new OverlayDriver();
}
