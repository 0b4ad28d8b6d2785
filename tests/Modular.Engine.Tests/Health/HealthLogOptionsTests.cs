using Modular.Contracts.Errors;
using Modular.Engine.Health;
using Xunit;

namespace Modular.Engine.Tests.Health;

public sealed class HealthLogOptionsTests
{
    private static readonly HealthLogEntry[] Three =
    [
        new(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 0, "a"),
        new(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1, "b"),
        new(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 0, "c"),
    ];

    [Fact]
    public void Keep_takes_the_last_results_and_zero_keeps_all()
    {
        Assert.Equal(["c"], HealthLogOptions.Keep(Three, 1).Select(e => e.Output));
        Assert.Equal(3, HealthLogOptions.Keep(Three, 0).Count);
    }

    [Fact]
    public void Cut_shortens_output_and_zero_keeps_it_whole()
    {
        Assert.Equal("01", HealthLogOptions.Cut("0123", 2));
        Assert.Equal("0123", HealthLogOptions.Cut("0123", 0));
    }

    [Fact]
    public void Destination_takes_local_events_logger_or_a_directory()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.Equal("local", HealthLogOptions.Destination(null));
            Assert.Equal("events_logger", HealthLogOptions.Destination("events_logger"));
            Assert.Equal(Path.GetTempPath().TrimEnd('/'), HealthLogOptions.Destination(Path.GetTempPath()).TrimEnd('/'));
            var error = Assert.Throws<InvalidInputException>(() => HealthLogOptions.Destination(file));
            Assert.Equal($"HealthCheck Log '{file}' destination must be directory", error.Message);
            Assert.Throws<InvalidInputException>(() => HealthLogOptions.Count(-1));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
