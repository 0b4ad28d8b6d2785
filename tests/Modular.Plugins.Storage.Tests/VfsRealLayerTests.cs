using Modular.Contracts.Storage;
using Modular.Plugins.Storage.Overlay;

namespace Modular.Plugins.Storage.Tests;

public sealed class VfsRealLayerTests : RealLayerConformance
{
    protected override IStorageDriver NewDriver() => new VfsDriver();
}
