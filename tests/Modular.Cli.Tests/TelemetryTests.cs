using System.Diagnostics;
using Modular.Engine.Telemetry;

namespace Modular.Cli.Tests;

[Collection("process signals")]
public sealed class TelemetryTests
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Each_command_a_user_runs_is_one_activity_named_after_it()
    {
        var seen = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EngineTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) =>
                ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => seen.Add(activity.OperationName),
        };
        ActivitySource.AddActivityListener(listener);

        await _cli.RunAsync("run", "--rm", "img", "true");

        Assert.Equal(["run"], seen);
    }
}
