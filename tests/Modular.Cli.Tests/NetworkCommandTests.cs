namespace Modular.Cli.Tests;

/// <summary>What the network verbs refuse before they reach the engine.</summary>
// One collection with TelemetryTests: its activity listener would also see these commands.
[Collection("process signals")]
public sealed class NetworkCommandTests
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Rm_with_a_stop_timeout_but_without_force_is_refused()
    {
        var (code, stdout, stderr) = await _cli.RunAsync("network", "rm", "-t", "3", "web");

        Assert.Equal(125, code);
        Assert.Equal("", stdout);
        Assert.Equal("Error: --force option must be specified to use the --time option\n", stderr);
    }

    [Fact]
    public async Task Connect_with_a_malformed_ip_names_the_flag_and_the_value()
    {
        var (code, _, stderr) = await _cli.RunAsync("network", "connect", "--ip", "10.1.2", "web", "c1");

        Assert.Equal(125, code);
        Assert.Equal("Error: invalid argument \"10.1.2\" for \"--ip\" flag: failed to parse IP: \"10.1.2\"\n", stderr);
    }

    [Fact]
    public async Task Connect_with_a_malformed_mac_address_is_refused_in_Gos_words()
    {
        var (code, _, stderr) = await _cli.RunAsync("network", "connect", "--mac-address", "zz:1", "web", "c1");

        Assert.Equal(125, code);
        Assert.Equal("Error: address zz:1: invalid MAC address\n", stderr);
    }

    [Fact]
    public async Task Reload_without_names_or_all_is_refused()
    {
        var (code, _, stderr) = await _cli.RunAsync("network", "reload");

        Assert.Equal(125, code);
        Assert.Equal("Error: you must provide at least one name or id\n", stderr);
    }

    [Fact]
    public async Task Network_without_a_verb_asks_for_one()
    {
        var (code, _, stderr) = await _cli.RunAsync("network");

        Assert.Equal(125, code);
        Assert.Equal("Error: missing command 'modpod network COMMAND'\n", stderr);
    }
}
