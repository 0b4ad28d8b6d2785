using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>
/// zstd:chunked is refused, not silently written as plain zstd: its table of contents (what
/// partial pulls read) is not produced, and a user who asked for it should know.
/// </summary>
[Collection(Collections.Registry)]
public sealed class ZstdChunkedTests(RegistryFixture registry, ModpodFixture modpod)
{
    [Fact]
    public async Task Push_with_zstd_chunked_is_one_error_line_and_sends_nothing()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var target = $"{registry.Address}/zstd/chunked:v1";

        var push = await modpod.RunAsync(
            "push", "--tls-verify=false", "--compression-format", "zstd:chunked", image, target);
        var inspect = await Skopeo.RunAsync(modpod.Directory, "inspect", "--tls-verify=false", "docker://" + target);

        ModpodAssert.Exit(125, push);
        Assert.Single(push.ErrorLines);
        Assert.StartsWith("Error: compression format zstd:chunked is not supported", push.StandardError);
        Assert.NotEqual(0, inspect.ExitCode);
    }

    [Fact]
    public async Task Push_with_zstd_still_works()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var target = $"{registry.Address}/zstd/plain:v1";

        var push = await modpod.RunAsync(
            "push", "-q", "--tls-verify=false", "--compression-format", "zstd", image, target);

        ModpodAssert.Exit(0, push);
    }
}
