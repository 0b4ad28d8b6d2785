using Modular.Contracts.Storage;
using Modular.Plugins.Storage.Overlay;

namespace Modular.Plugins.Storage.Tests;

public sealed class OverlayRealLayerTests : RealLayerConformance
{
    protected override IStorageDriver NewDriver() => new OverlayDriver();
}
