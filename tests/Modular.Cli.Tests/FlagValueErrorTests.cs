namespace Modular.Cli.Tests;

/// <summary>Bad flag values read as pflag's messages, never as .NET type names.</summary>
[Collection("process signals")]
public sealed class FlagValueErrorTests
{
    private readonly CliHarness _cli = new();

    [Theory]
    [InlineData(new[] { "ps", "--last", "abc" }, "invalid argument \"abc\" for \"-n, --last\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax")]
    [InlineData(new[] { "ps", "-n", "abc" }, "invalid argument \"abc\" for \"-n, --last\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax")]
    [InlineData(new[] { "stop", "-t", "abc", "c" }, "invalid argument \"abc\" for \"-t, --time\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax")]
    [InlineData(new[] { "logs", "--tail", "abc", "c" }, "invalid argument \"abc\" for \"--tail\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax")]
    [InlineData(new[] { "logs", "--tail=99999999999", "c" }, "invalid argument \"99999999999\" for \"--tail\" flag: strconv.ParseInt: parsing \"99999999999\": value out of range")]
    [InlineData(new[] { "run", "--read-only=maybe", "img", "true" }, "invalid argument \"maybe\" for \"--read-only\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax")]
    [InlineData(new[] { "run", "--privileged=yes", "img", "true" }, "invalid argument \"yes\" for \"--privileged\" flag: strconv.ParseBool: parsing \"yes\": invalid syntax")]
    [InlineData(new[] { "ps", "--all=sure" }, "invalid argument \"sure\" for \"-a, --all\" flag: strconv.ParseBool: parsing \"sure\": invalid syntax")]
    public async Task Bad_flag_values_read_like_pflag(string[] args, string message)
    {
        var (code, _, stderr) = await _cli.RunAsync(args);

        Assert.Equal(125, code);
        Assert.Equal($"Error: {message}\n", stderr);
        Assert.DoesNotContain("System.", stderr, StringComparison.Ordinal);
        Assert.Empty(_cli.Containers.Created);
    }

    [Theory]
    [InlineData("--read-only=true", true)]
    [InlineData("--read-only=false", false)]
    [InlineData("--read-only=1", true)]
    [InlineData("--read-only=F", false)]
    [InlineData("--read-only", true)]
    public async Task Switch_values_go_accepts_are_read(string flag, bool expected)
    {
        var (code, _, stderr) = await _cli.RunAsync("run", flag, "img", "true");

        Assert.True(code == 0, stderr);
        var request = Assert.Single(_cli.Containers.Created);
        Assert.Equal("img", request.Image);
        Assert.Equal(["true"], request.Command);
        Assert.Equal(expected, request.Security.ReadOnly);
    }
}
