using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Health;
using Xunit;

namespace Modular.Engine.Tests.Health;

public sealed class HealthDefinitionTests
{
    private static readonly HealthConfig Image = new()
    {
        Test = ["CMD", "true"],
        Interval = TimeSpan.FromSeconds(5),
        Retries = 7,
    };

    [Fact]
    public void A_string_is_a_shell_command_with_podmans_defaults()
    {
        var check = HealthDefinition.Resolve(new HealthFlags("test -e /x"), null)!;

        Assert.Equal(["CMD-SHELL", "test -e /x"], check.Test);
        Assert.Equal(["/bin/sh", "-c", "test -e /x"], check.Argv);
        Assert.Equal(TimeSpan.FromSeconds(30), check.Interval);
        Assert.Equal(TimeSpan.FromSeconds(30), check.Timeout);
        Assert.Equal(TimeSpan.Zero, check.StartPeriod);
        Assert.Equal(3, check.Retries);
    }

    [Theory]
    [InlineData("[\"echo\",\"a b\"]", new[] { "CMD", "echo", "a b" })]
    [InlineData("[\"CMD\",\"true\"]", new[] { "CMD", "true" })]
    [InlineData("[\"CMD-SHELL\",\"exit 0\"]", new[] { "CMD-SHELL", "exit 0" })]
    public void A_json_array_is_the_exec_form(string command, string[] test)
    {
        Assert.Equal(test, HealthDefinition.Resolve(new HealthFlags(command), null)!.Test);
    }

    [Fact]
    public void The_images_check_applies_and_flags_adjust_it()
    {
        var inherited = HealthDefinition.Resolve(new HealthFlags(), Image)!;
        var adjusted = HealthDefinition.Resolve(new HealthFlags(Interval: "1m30s"), Image)!;

        Assert.Equal(Image, inherited);
        Assert.Equal(TimeSpan.FromSeconds(90), adjusted.Interval);
        Assert.Equal(7, adjusted.Retries);
    }

    [Fact]
    public void None_and_no_healthcheck_remove_the_images_check()
    {
        Assert.Null(HealthDefinition.Resolve(new HealthFlags("none"), Image));
        Assert.Null(HealthDefinition.Resolve(new HealthFlags(Disabled: true), Image));
    }

    [Fact]
    public void Interval_disable_means_no_timer()
    {
        Assert.Equal(TimeSpan.Zero, HealthDefinition.Resolve(new HealthFlags("true", Interval: "disable"), null)!.Interval);
    }

    [Theory]
    [InlineData("true", "5x", null, null, null, false, "invalid healthcheck-interval: time: unknown unit \"x\" in duration \"5x\"")]
    [InlineData("true", null, 0, null, null, false, "healthcheck-retries must be greater than 0")]
    [InlineData("true", null, null, null, "0s", false, "healthcheck-timeout must be at least 1 second")]
    [InlineData("true", null, null, "-1s", null, false, "healthcheck-start-period must be 0 seconds or greater")]
    [InlineData("true", null, null, null, null, true, "cannot specify both --no-healthcheck and --health-cmd")]
    [InlineData("[]", null, null, null, null, false, "must define a healthcheck command for all healthchecks")]
    public void Refuses_with_podmans_texts(
        string command,
        string? interval,
        int? retries,
        string? startPeriod,
        string? timeout,
        bool disabled,
        string message)
    {
        var flags = new HealthFlags(command, interval, retries, startPeriod, timeout, disabled);

        var error = Assert.Throws<InvalidInputException>(() => HealthDefinition.Resolve(flags, null));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void An_unknown_on_failure_action_is_refused()
    {
        var error = Assert.Throws<InvalidInputException>(() => HealthDefinition.OnFailure("bogus"));

        Assert.Equal(
            "invalid on-failure action \"bogus\" for health check: supported actions are none,kill,restart,stop",
            error.Message);
    }
}
