using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Xunit;

namespace Modular.Engine.Tests.Health;

public sealed class RestartPolicyTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("no", "no", 0)]
    [InlineData("never", "no", 0)]
    [InlineData("always", "always", 0)]
    [InlineData("unless-stopped", "unless-stopped", 0)]
    [InlineData("on-failure", "on-failure", 0)]
    [InlineData("on-failure:5", "on-failure", 5)]
    public void Parses_podmans_policies(string value, string name, int retries)
    {
        var policy = RestartPolicy.Parse(value);

        Assert.Equal(name, policy.Name);
        Assert.Equal(retries, policy.MaximumRetryCount);
    }

    [Theory]
    [InlineData("bogus", "running container create option: \"bogus\" is not a valid restart policy: invalid argument")]
    [InlineData("always:3", "restart policy retries can only be specified with on-failure restart policy")]
    [InlineData("on-failure:x", "parsing restart policy retry count: strconv.Atoi: parsing \"x\": invalid syntax")]
    [InlineData("on-failure:-1", "must specify restart policy retry count as a number greater than 0")]
    [InlineData("on-failure:1:2", "invalid restart policy: may specify retries at most once")]
    public void Refuses_bad_values_with_podmans_texts(string value, string message)
    {
        var error = Assert.Throws<InvalidInputException>(() => RestartPolicy.Parse(value));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("on-failure", 2, 3, 0, false, true)]
    [InlineData("on-failure", 2, 3, 1, false, true)]
    [InlineData("on-failure", 2, 3, 2, false, false)]
    [InlineData("on-failure", 2, 0, 0, false, false)]
    [InlineData("on-failure", 0, 1, 100, false, true)]
    [InlineData("always", 0, 0, 7, false, true)]
    [InlineData("always", 0, 137, 0, true, false)]
    [InlineData("unless-stopped", 0, 0, 0, false, true)]
    [InlineData("unless-stopped", 0, 0, 0, true, false)]
    [InlineData("no", 0, 1, 0, false, false)]
    [InlineData("", 0, 1, 0, false, false)]
    public void Decides_after_an_exit(string name, int retries, int exitCode, int count, bool byUser, bool expected)
    {
        var policy = new RestartPolicy(name, retries);

        Assert.Equal(expected, policy.ShouldRestart(exitCode, count, byUser));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("no", true)]
    [InlineData("on-failure", true)]
    [InlineData("always", false)]
    [InlineData("unless-stopped", false)]
    public void Only_policies_that_never_restart_a_removed_container_go_with_rm(string value, bool allowed)
    {
        Assert.Equal(allowed, RestartPolicy.Parse(value).AllowsAutoRemove);
    }
}
