using Modular.Engine.Health;
using Xunit;

namespace Modular.Engine.Tests.Health;

public sealed class HealthTransitionTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    private static HealthLogEntry Result(int exitCode) => new(At, At, exitCode, "");

    [Fact]
    public void A_pass_makes_healthy_and_clears_the_streak()
    {
        var failing = new HealthState(HealthState.Starting, 2, []);

        var next = HealthTransition.Apply(failing, Result(0), inStartPeriod: false, retries: 3);

        Assert.Equal(HealthState.Healthy, next.Status);
        Assert.Equal(0, next.FailingStreak);
    }

    [Fact]
    public void Failures_below_the_retries_keep_the_status_and_grow_the_streak()
    {
        var next = HealthTransition.Apply(HealthState.Initial, Result(1), false, 2);

        Assert.Equal(HealthState.Starting, next.Status);
        Assert.Equal(1, next.FailingStreak);
    }

    [Fact]
    public void The_failure_reaching_the_retries_makes_unhealthy()
    {
        var once = HealthTransition.Apply(new HealthState(HealthState.Healthy, 0, []), Result(1), false, 2);
        var twice = HealthTransition.Apply(once, Result(1), false, 2);

        Assert.Equal(HealthState.Healthy, once.Status);
        Assert.Equal(HealthState.Unhealthy, twice.Status);
        Assert.Equal(2, twice.FailingStreak);
    }

    [Fact]
    public void A_failure_in_the_start_period_does_not_count_but_is_logged()
    {
        var next = HealthTransition.Apply(HealthState.Initial, Result(1), inStartPeriod: true, retries: 1);

        Assert.Equal(HealthState.Starting, next.Status);
        Assert.Equal(0, next.FailingStreak);
        Assert.Single(next.Log);
    }

    [Fact]
    public void Only_the_last_five_results_are_kept()
    {
        var state = HealthState.Initial;
        for (var i = 0; i < 8; i++)
        {
            state = HealthTransition.Apply(state, Result(i), false, 100);
        }

        Assert.Equal([3, 4, 5, 6, 7], state.Log.Select(e => e.ExitCode));
    }
}
