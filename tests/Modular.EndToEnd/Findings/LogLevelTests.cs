using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Findings;

/// <summary>
/// Podman's 001-basic system test: --log-level and --debug choose which logrus-style
/// "level=..." lines reach stderr, and bad combinations end with exit 1 and one bare line.
/// </summary>
public sealed class LogLevelTests(ModpodFixture modpod) : IClassFixture<ModpodFixture>
{
    [Fact]
    public async Task An_unknown_level_is_refused_with_podmans_line()
    {
        var result = await modpod.RunAsync("--log-level=telepathic", "version");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Log Level \"telepathic\" is not supported", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debug_and_log_level_together_are_refused()
    {
        var result = await modpod.RunAsync("--debug", "--log-level=panic", "version");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Setting --log-level and --debug is not allowed", result.StandardError.Trim());
    }

    [Fact]
    public async Task Each_level_shows_itself_and_the_levels_above()
    {
        var trace = await modpod.RunAsync("--log-level=trace", "version");
        var debug = await modpod.RunAsync("-D", "version");
        var warn = await modpod.RunAsync("--log-level=warn", "version");

        Assert.Contains(" level=trace ", trace.StandardError, StringComparison.Ordinal);
        Assert.Contains(" level=info ", trace.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(" level=trace ", debug.StandardError, StringComparison.Ordinal);
        Assert.Contains("msg=\"Shutting down engines\"", debug.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(" level=", warn.StandardError, StringComparison.Ordinal);
    }
}
