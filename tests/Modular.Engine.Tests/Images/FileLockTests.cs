using Modular.Engine.Locking;
using CliWrap;
using Modular.Engine.Images;
using Xunit;

namespace Modular.Engine.Tests.Images;

public sealed class FileLockTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("modular-lock-test-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_store_lock_keeps_another_process_out_until_released()
    {
        var path = Path.Combine(_directory, "storage.lock");
        var held = await FileLock.AcquireAsync(path, default);

        var whileHeld = await TryLockElsewhereAsync(path);
        held.Dispose();
        var afterRelease = await TryLockElsewhereAsync(path);

        Assert.Equal(1, whileHeld);
        Assert.Equal(0, afterRelease);
    }

    [Fact]
    public async Task A_second_holder_in_the_same_process_waits_for_the_first()
    {
        var path = Path.Combine(_directory, "blob.lock");
        var first = await FileLock.AcquireAsync(path, default);

        var second = FileLock.AcquireAsync(path, default);
        var waited = !second.IsCompleted;
        first.Dispose();
        (await second).Dispose();

        Assert.True(waited);
    }

    // util-linux flock(1) with -n exits 1 at once when another holder has the lock.
    private static async Task<int> TryLockElsewhereAsync(string path) =>
        (await Cli.Wrap("flock").WithArguments(["-n", "-E", "1", path, "true"])
            .WithValidation(CommandResultValidation.None).ExecuteAsync()).ExitCode;
}
