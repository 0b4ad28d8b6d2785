using Modular.Conformance.Storage;
using Modular.Engine.Archive;
using Modular.Tests.Archive;

namespace Modular.Plugins.Storage.Tests;

/// <summary>
/// Layers as tars read by the engine's hardened reader, for the suites here that check the
/// engine's reader and a driver together (hostile layers, rollback, real GNU tar layers).
/// </summary>
public static class TarLayers
{
    /// <summary>Creates a layer on a parent and applies a tar through the engine's reader.</summary>
    public static async Task LayerAsync(this StorageSandbox sandbox, string id, string? parent, TestTar tar)
    {
        await using var stream = tar.ToStream();
        await sandbox.ApplyAsync(id, parent, LayerArchiveReader.ReadAsync(stream, default));
    }
}
