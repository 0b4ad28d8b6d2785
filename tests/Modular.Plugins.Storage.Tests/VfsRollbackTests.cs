using Modular.Contracts.Storage;
using Modular.Plugins.Storage.Overlay;

namespace Modular.Plugins.Storage.Tests;

public sealed class VfsRollbackTests : RollbackConformance
{
    protected override IStorageDriver NewDriver() => new VfsDriver();
}
