using System.Security.Cryptography;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>Remote `run -i` without a terminal: stdin is data and travels byte for byte.</summary>
public sealed partial class ModpodRemoteTests
{
    [Fact]
    public async Task Run_interactive_without_a_terminal_passes_detach_key_bytes_on()
    {
        byte[] input = [.. "abc"u8, 0x10, 0x11, .. "def\n"u8];
        string[] run = ["run", "--rm", "-i", "--name", "fxa-stdin", "--network", "none", ModpodFixture.Busybox, "wc", "-c"];

        var remote = await Store.RunWithInputAsync(input, ["--url", "unix://" + service.Socket, .. run]);

        Assert.True(remote.ExitCode == 0, remote.ToString());
        Assert.Equal("9", remote.StandardOutput.Trim());
        Assert.False(await Store.ContainerExistsAsync("fxa-stdin"));
    }

    [Fact]
    public async Task Run_interactive_without_a_terminal_passes_binary_stdin_exactly()
    {
        var input = new byte[100 * 1024];
        new Random(10).NextBytes(input);
        // The detach sequence inside the data must not end the attach.
        input[5000] = 0x10;
        input[5001] = 0x11;
        var expected = Convert.ToHexStringLower(MD5.HashData(input));
        string[] run = ["run", "--rm", "-i", "--name", "fxa-binary", "--network", "none", ModpodFixture.Busybox, "md5sum"];

        var remote = await Store.RunWithInputAsync(input, ["--url", "unix://" + service.Socket, .. run]);

        Assert.True(remote.ExitCode == 0, remote.ToString());
        Assert.StartsWith(expected, remote.StandardOutput.Trim(), StringComparison.Ordinal);
        Assert.False(await Store.ContainerExistsAsync("fxa-binary"));
    }
}
