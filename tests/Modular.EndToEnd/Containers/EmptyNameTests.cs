using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>An empty container name is refused before any lookup, like libpod's ErrEmptyID.</summary>
[Collection(Collections.Containers)]
public sealed class EmptyNameTests(ModpodFixture modpod)
{
    [Theory]
    [InlineData("rm")]
    [InlineData("rm", "-f")]
    [InlineData("inspect")]
    [InlineData("container", "inspect")]
    [InlineData("container", "exists")]
    [InlineData("stop")]
    [InlineData("kill")]
    [InlineData("start")]
    [InlineData("restart")]
    [InlineData("logs")]
    [InlineData("port")]
    public async Task An_empty_name_is_refused_with_125(params string[] command)
    {
        var result = await modpod.RunAsync([.. command, ""]);

        ModpodAssert.Exit(125, result);
        Assert.Equal("Error: name or ID cannot be empty", result.StandardError.Trim());
    }
}
