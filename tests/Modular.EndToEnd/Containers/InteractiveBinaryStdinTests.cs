using System.Security.Cryptography;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>
/// Without a terminal, stdin is data: the detach keys (ctrl-p ctrl-q, 0x10 0x11) must not
/// cut it short, in run -i, start -a -i, attach and exec -i.
/// </summary>
[Collection(Collections.Containers)]
public sealed class InteractiveBinaryStdinTests(ModpodFixture modpod)
{
    private static readonly byte[] Keys = "abc\u0010\u0011def\n"u8.ToArray();

    [Fact]
    public async Task Run_i_passes_detach_key_bytes_and_megabytes_of_binary_stdin_unchanged()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var data = Payload();

        var keys = await modpod.RunWithInputAsync(
            Keys, "run", "--rm", "-i", "--network", "none", image, "od", "-A", "n", "-t", "x1");
        var big = await modpod.RunWithInputAsync(
            data, "run", "--rm", "-i", "--network", "none", image, "sh", "-c", "wc -c; exit 3");
        var sum = await modpod.RunWithInputAsync(
            data, "run", "--rm", "-i", "--network", "none", image, "md5sum");

        ModpodAssert.Exit(0, keys);
        Assert.Equal("61 62 63 10 11 64 65 66 0a", keys.Output.Trim());
        Assert.Equal(3, big.ExitCode);
        Assert.Equal(data.Length.ToString(), big.Output.Trim());
        Assert.StartsWith(Md5(data), sum.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_a_i_and_exec_i_pass_binary_stdin_unchanged()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var data = Payload();
        await modpod.RunAsync("create", "-i", "--name", "bin-start", "--network", "none", image, "md5sum");
        await modpod.RunAsync("run", "-d", "--name", "bin-exec", "--network", "none", image, "sleep", "300");
        try
        {
            var started = await modpod.RunWithInputAsync(data, "start", "-a", "-i", "bin-start");
            var exec = await modpod.RunWithInputAsync(data, "exec", "-i", "bin-exec", "md5sum");
            var execKeys = await modpod.RunWithInputAsync(Keys, "exec", "-i", "bin-exec", "wc", "-c");

            ModpodAssert.Exit(0, started);
            Assert.StartsWith(Md5(data), started.Output, StringComparison.Ordinal);
            ModpodAssert.Exit(0, exec);
            Assert.StartsWith(Md5(data), exec.Output, StringComparison.Ordinal);
            Assert.Equal(Keys.Length.ToString(), execKeys.Output.Trim());
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", "bin-start", "bin-exec");
        }
    }

    [Fact]
    public async Task Attach_without_a_terminal_passes_detach_key_bytes_to_the_container()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync(
            "run", "-d", "-i", "--name", "bin-attach", "--network", "none", image,
            "sh", "-c", "echo ready; od -A n -t x1");
        try
        {
            await WaitReadyAsync("bin-attach");
            var attach = await modpod.RunWithInputAsync(Keys, "attach", "bin-attach");

            ModpodAssert.Exit(0, attach);
            Assert.Contains("61 62 63 10 11 64 65 66 0a", attach.Output, StringComparison.Ordinal);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", "bin-attach");
        }
    }

    // A few MB in which every byte value, and so ctrl-p followed by ctrl-q, occurs.
    private static byte[] Payload()
    {
        var data = new byte[3 * 1024 * 1024 + 17];
        new Random(5).NextBytes(data);
        Keys.CopyTo(data, 1000);
        return data;
    }

    private static string Md5(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));

    private async Task WaitReadyAsync(string name)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await modpod.RunAsync("logs", name)).Output.Contains("ready", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"{name} never said ready");
    }
}
