using Modular.Engine.Pods;
using Xunit;

namespace Modular.Engine.Tests.Pods;

public sealed class PodStatesTests
{
    [Theory]
    [InlineData("", "Created")]
    [InlineData("running,running", "Running")]
    [InlineData("running,exited", "Degraded")]
    [InlineData("created,configured", "Created")]
    [InlineData("stopped,stopped", "Stopped")]
    [InlineData("exited,stopped", "Exited")]
    [InlineData("exited,created", "Exited")]
    [InlineData("paused,paused", "Paused")]
    [InlineData("paused,exited", "Degraded")]
    [InlineData("removing", "Error")]
    public void The_pod_status_follows_its_containers(string statuses, string expected) =>
        Assert.Equal(expected, PodStates.From(statuses.Split(',', StringSplitOptions.RemoveEmptyEntries)));
}
