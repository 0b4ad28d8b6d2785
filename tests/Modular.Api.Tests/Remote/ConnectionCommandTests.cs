using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>
/// `system connection add|ls|rm|default|rename` keep Podman's podman-connections.json,
/// here one of the test's own (PODMAN_CONNECTIONS_CONF), and print Podman's columns.
/// </summary>
public sealed class ConnectionCommandTests : IAsyncLifetime
{
    private readonly ModpodFixture _modpod = new();

    private string ConnectionsFile => Path.Combine(_modpod.Directory, "conn", "podman-connections.json");

    public Task InitializeAsync() => _modpod.InitializeAsync();

    public Task DisposeAsync() => _modpod.DisposeAsync();

    [Fact]
    public async Task Added_connections_are_listed_under_Podmans_headers_with_the_first_as_default()
    {
        await ConnectionAsync("add", "one", "tcp://127.0.0.1:8081");
        await ConnectionAsync("add", "two", "--identity", "/tmp/key", "ssh://root@127.0.0.1:2222/run/x.sock");

        var list = await ConnectionAsync("ls");

        var lines = list.StandardOutput.TrimEnd('\n').Split('\n');
        Assert.Equal(["Name", "URI", "Identity", "Default", "ReadWrite"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["one", "tcp://127.0.0.1:8081", "true", "true"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            ["two", "ssh://root@127.0.0.1:2222/run/x.sock", "/tmp/key", "false", "true"],
            lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var file = JsonNode.Parse(await File.ReadAllTextAsync(ConnectionsFile))!;
        Assert.Equal("one", file["Connection"]!["Default"]!.GetValue<string>());
        Assert.Equal("/tmp/key", file["Connection"]!["Connections"]!["two"]!["Identity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Default_rename_and_rm_edit_the_file()
    {
        await ConnectionAsync("add", "a", "tcp://127.0.0.1:1");
        await ConnectionAsync("add", "b", "tcp://127.0.0.1:2");

        await ConnectionAsync("default", "b");
        await ConnectionAsync("rename", "b", "c");
        var json = await ConnectionAsync("ls", "--format", "json");
        await ConnectionAsync("rm", "a");
        var names = await ConnectionAsync("ls", "-q");

        var rows = JsonNode.Parse(json.StandardOutput)!.AsArray();
        Assert.Equal(["a", "c"], rows.Select(r => r!["Name"]!.GetValue<string>()));
        Assert.True(rows[1]!["Default"]!.GetValue<bool>());
        Assert.Equal("c", names.Output);
    }

    [Fact]
    public async Task A_unix_destination_is_kept_with_three_slashes()
    {
        await ConnectionAsync("add", "sock", "unix:///tmp/modular-test-missing/api.sock");

        var list = await ConnectionAsync("ls", "--format", "{{.URI}}");

        Assert.Equal("unix:///tmp/modular-test-missing/api.sock", list.Output);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Add_wants_exactly_a_name_and_a_destination(int given)
    {
        string[] args = ["only", "tcp://127.0.0.1:9"];
        var result = await RunAsync(["system", "connection", "add", .. args.Take(given)]);

        Assert.Equal(125, result.ExitCode);
        Assert.StartsWith($"Error: accepts 2 arg(s), received {given}\n", result.StandardError);
    }

    [Fact]
    public async Task An_unknown_name_is_refused_in_Podmans_words()
    {
        var result = await RunAsync("system", "connection", "default", "nowhere");

        Assert.Equal(125, result.ExitCode);
        Assert.Equal(
            "Error: \"nowhere\" destination is not defined. See \"podman system connection add ...\" to create a connection\n",
            result.StandardError);
    }

    [Fact]
    public async Task Noout_suppresses_the_listing()
    {
        await ConnectionAsync("add", "quiet", "tcp://127.0.0.1:3");

        var result = await RunAsync("--noout", "system", "connection", "ls");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public async Task The_default_connection_is_used_by_remote()
    {
        var absent = Path.Combine(_modpod.Directory, "absent.sock");
        await ConnectionAsync("add", "here", "unix://" + absent);

        var result = await RunAsync("--remote", "ps");

        Assert.Equal(125, result.ExitCode);
        Assert.Contains(absent, result.StandardError);
    }

    [Fact]
    public async Task Help_offers_remote_only_when_no_remote_is_asked()
    {
        var plain = await RunAsync("--help");
        var withUrl = await RunAsync("--url", "foobar", "--help");

        Assert.Contains(" --remote ", plain.StandardOutput);
        Assert.DoesNotContain(" --remote ", withUrl.StandardOutput);
    }

    private async Task<ModpodResult> ConnectionAsync(params string[] args)
    {
        var result = await RunAsync(["system", "connection", .. args]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private Task<ModpodResult> RunAsync(params string[] args) =>
        _modpod.RunAsync(args, new Dictionary<string, string?>
        {
            ["PODMAN_CONNECTIONS_CONF"] = ConnectionsFile,
            ["CONTAINER_HOST"] = null,
            ["CONTAINER_CONNECTION"] = null,
        });
}
