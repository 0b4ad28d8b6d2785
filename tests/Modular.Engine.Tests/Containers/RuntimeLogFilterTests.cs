using System.Text;
using Modular.Engine.Containers;
using Xunit;

namespace Modular.Engine.Tests.Containers;

public sealed class RuntimeLogFilterTests
{
    private static readonly Func<string, bool> LooksLikeFailure = text => text.Contains("not found", StringComparison.Ordinal);

    [Fact]
    public async Task A_runtime_failure_or_logrus_line_is_held_back()
    {
        using var destination = new MemoryStream();
        var filter = new RuntimeLogFilter(destination, LooksLikeFailure);

        await filter.Target.CopyFromAsync(Source("executable file `x` not found in $PATH\n"), CancellationToken.None);

        var logrus = new RuntimeLogFilter(destination, _ => false);
        await logrus.Target.CopyFromAsync(
            Source("time=\"2026-12-04T23:00:00Z\" level=error msg=\"exec failed\"\n"),
            CancellationToken.None);

        Assert.Empty(destination.ToArray());
        Assert.Equal("executable file `x` not found in $PATH\n", filter.HeldText);
        Assert.Contains("level=error", logrus.HeldText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_the_process_writes_passes_through_and_held_text_is_released_on_request()
    {
        using var destination = new MemoryStream();
        var filter = new RuntimeLogFilter(destination, LooksLikeFailure);

        await filter.Target.CopyFromAsync(Source("file not found\n"), CancellationToken.None);
        await filter.ReleaseAsync(CancellationToken.None);
        using var plain = new MemoryStream();
        var other = new RuntimeLogFilter(plain, LooksLikeFailure);
        await other.Target.CopyFromAsync(Source("ordinary error\n"), CancellationToken.None);

        Assert.Equal("file not found\n", Encoding.UTF8.GetString(destination.ToArray()));
        Assert.Equal("ordinary error\n", Encoding.UTF8.GetString(plain.ToArray()));
        Assert.Equal("", other.HeldText);
    }

    private static MemoryStream Source(string text) => new(Encoding.UTF8.GetBytes(text));
}
