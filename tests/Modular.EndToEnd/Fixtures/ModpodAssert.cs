using Xunit;

namespace Modular.EndToEnd.Fixtures;

/// <summary>Assertions that show the whole command result (stdout and stderr) on failure.</summary>
public static class ModpodAssert
{
    public static void Exit(int expected, ModpodResult result) =>
        Assert.True(result.ExitCode == expected, $"expected exit {expected}, got {result}");
}
