using Modular.Cli.Output;

namespace Modular.Cli.Tests;

public sealed class HumanUnitsTests
{
    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(512, "512 B")]
    [InlineData(1500, "1.5 kB")]
    [InlineData(1240000, "1.24 MB")]
    [InlineData(4_270_000, "4.27 MB")]
    [InlineData(1_000_000_000, "1 GB")]
    public void Sizes_use_decimal_units_and_three_significant_digits(long bytes, string expected)
    {
        Assert.Equal(expected, HumanUnits.Size(bytes));
    }

    [Theory]
    [InlineData(0.5, "Less than a second")]
    [InlineData(1, "1 second")]
    [InlineData(45, "45 seconds")]
    [InlineData(61, "About a minute")]
    [InlineData(300, "5 minutes")]
    [InlineData(3600, "About an hour")]
    [InlineData(7200, "2 hours")]
    [InlineData(3 * 86400, "3 days")]
    [InlineData(21 * 86400, "3 weeks")]
    [InlineData(90 * 86400, "3 months")]
    [InlineData(800 * 86400, "2 years")]
    public void Durations_read_as_podman_writes_them(double seconds, string expected)
    {
        Assert.Equal(expected, HumanUnits.Duration(TimeSpan.FromSeconds(seconds)));
    }
}
