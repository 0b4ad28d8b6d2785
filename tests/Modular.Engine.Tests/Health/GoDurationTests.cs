using Modular.Contracts.Errors;
using Modular.Engine.Health;
using Xunit;

namespace Modular.Engine.Tests.Health;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("1m30s", 90_000)]
    [InlineData("30s", 30_000)]
    [InlineData("500ms", 500)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("1h2m3s", 3_723_000)]
    [InlineData("0", 0)]
    [InlineData("0s", 0)]
    [InlineData("-1s", -1_000)]
    [InlineData("2500us", 2.5)]
    public void Parses_gos_durations(string text, double milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), GoDuration.Parse(text));
    }

    [Theory]
    [InlineData("5x", "time: unknown unit \"x\" in duration \"5x\"")]
    [InlineData("5", "time: missing unit in duration \"5\"")]
    [InlineData("abc", "time: invalid duration \"abc\"")]
    [InlineData("", "time: invalid duration \"\"")]
    public void Refuses_with_gos_texts(string text, string message)
    {
        var error = Assert.Throws<InvalidInputException>(() => GoDuration.Parse(text));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(90_000, "1m30s")]
    [InlineData(30_000, "30s")]
    [InlineData(500, "500ms")]
    [InlineData(0, "0s")]
    [InlineData(3_723_000, "1h2m3s")]
    public void Formats_as_go_does(double milliseconds, string text)
    {
        Assert.Equal(text, GoDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData(3_251_689_201L, "3.251689201s")]
    [InlineData(62_500_000_000L, "1m2.5s")]
    [InlineData(3_600_000_000_000L, "1h0m0s")]
    [InlineData(3_723_000_000_001L, "1h2m3.000000001s")]
    [InlineData(1_500L, "1.5µs")]
    [InlineData(999L, "999ns")]
    [InlineData(2_500_000L, "2.5ms")]
    [InlineData(-90_000_000_000L, "-1m30s")]
    [InlineData(0L, "0s")]
    public void Formats_nanoseconds_as_gos_duration_string(long nanoseconds, string text)
    {
        Assert.Equal(text, GoDuration.FormatNanoseconds(nanoseconds));
    }
}
