using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Top;
using Xunit;

namespace Modular.Engine.Tests.Containers;

/// <summary>container prune's filters and top's descriptors, without running anything.</summary>
public sealed class DayTwoTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("bogus=1", "bogus is an invalid filter")]
    [InlineData("label", "filter input must be in the form of filter=value: label is invalid")]
    public void Prune_filters_are_refused_in_podmans_words(string filter, string message)
    {
        var error = Assert.Throws<InvalidInputException>(() => ContainerPruneFilter.Parse([filter], Now));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Prune_takes_stopped_containers_with_every_label_and_created_before_until()
    {
        var filter = ContainerPruneFilter.Parse(["label=a=1", "label=b", "label!=c", "until=1h"], Now);

        Assert.True(filter.Matches(Container("exited", Now.AddHours(-2), ("a", "1"), ("b", "x"))));
        Assert.False(filter.Matches(Container("running", Now.AddHours(-2), ("a", "1"), ("b", "x"))));
        Assert.False(filter.Matches(Container("paused", Now.AddHours(-2), ("a", "1"), ("b", "x"))));
        Assert.False(filter.Matches(Container("exited", Now.AddHours(-2), ("a", "1"))));
        Assert.False(filter.Matches(Container("exited", Now.AddHours(-2), ("a", "1"), ("b", "x"), ("c", "y"))));
        Assert.False(filter.Matches(Container("created", Now.AddMinutes(-5), ("a", "1"), ("b", "x"))));
    }

    [Fact]
    public void Top_knows_psgos_names_and_codes_and_defaults_to_podmans_columns()
    {
        var defaults = ProcessDescriptors.TryResolve([])!;
        var picked = ProcessDescriptors.TryResolve(["pid", "%C", "args", "huser"])!;

        Assert.Equal(
            ["USER", "PID", "PPID", "%CPU", "ELAPSED", "TTY", "TIME", "COMMAND"],
            defaults.Select(d => d.Header));
        Assert.Equal(["PID", "%CPU", "COMMAND", "HUSER"], picked.Select(d => d.Header));
        Assert.Null(ProcessDescriptors.TryResolve(["-eo"]));
        Assert.Null(ProcessDescriptors.TryResolve(["aux"]));
    }

    private static ContainerInfo Container(string state, DateTimeOffset created, params (string, string)[] labels) =>
        new(
            "id",
            "name",
            "image-id",
            "image",
            [],
            created,
            state,
            null,
            null,
            null,
            null,
            false,
            "crun",
            labels.ToDictionary(l => l.Item1, l => l.Item2));
}
