using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Checkpoint;

/// <summary>
/// A runtime plugin that declares no checkpoint verbs (as the runsc example does) is refused
/// from its declaration alone: the engine never asks its executable, even one that has the verb.
/// </summary>
[Collection(CheckpointCollection.Name)]
public sealed class CheckpointPluginRuntimeTests
{
    [CheckpointFact]
    public async Task A_runtime_plugin_without_checkpoint_verbs_is_refused_without_being_called()
    {
        var plugins = Directory.CreateTempSubdirectory("modular-e2e-cp-plugins-").FullName;
        try
        {
            CopyDirectory(Path.Combine(RepositoryPaths.TestPlugins, "recording"), Path.Combine(plugins, "recording"));
            // Disposed (containers removed) before the plugin folder goes, in finally.
            await using var modpod = await ModpodFixture.CreateAsync(
                new StoreOptions(Runtime: "recording", ExtraPluginDirs: [plugins]));
            var store = CheckpointStore.Over(modpod);
            await modpod.EnsureBusyboxAsync();
            await store.RunCounterAsync("cp-rec");

            var checkpoint = await store.Modpod.RunAsync("container", "checkpoint", "cp-rec");
            var restore = await store.Modpod.RunAsync("container", "restore", "cp-rec");
            var status = await store.Modpod.RunAsync("ps", "--filter", "name=cp-rec", "--format", "{{.Status}}");
            var calls = RecordedCalls(store.Modpod.Directory);

            ModpodAssert.Exit(125, checkpoint);
            Assert.Equal(["Error: configured runtime does not support checkpoint/restore"], checkpoint.ErrorLines);
            ModpodAssert.Exit(125, restore);
            Assert.Equal(["Error: configured runtime does not support checkpoint/restore"], restore.ErrorLines);
            Assert.StartsWith("Up ", status.Output);
            Assert.Contains(calls, c => c.Contains(" create ", StringComparison.Ordinal));
            Assert.DoesNotContain(calls, c => c.Contains("checkpoint", StringComparison.Ordinal));
            Assert.DoesNotContain(calls, c => c.Contains("restore", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(plugins, recursive: true);
        }
    }

    // The wrapper logs one line per call to recording.log in its state root under the store.
    private static List<string> RecordedCalls(string storeDirectory) =>
        Directory.EnumerateFiles(storeDirectory, "recording.log", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Select(l => $" {l} ")
            .ToList();

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
