using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Hooks;
using Xunit;

namespace Modular.Engine.Tests.Hooks;

public sealed class PrecreateFilterTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("modular-precreate-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Each_hook_gets_the_previous_ones_spec_and_only_its_own_environment()
    {
        var first = Script("first", "/bin/sed 's/\"a\":1/\"a\":2/'");
        // Reads the spec, drops its closing brace and adds what it sees of its environment.
        var second = Script("second", "read -r spec\nprintf '%s,\"seen\":\"%s-%s\"}' \"${spec%?}\" \"$FOO\" \"${HOME:-none}\"");
        var spec = new JsonObject { ["a"] = 1 };

        var result = await PrecreateFilter.RunAsync(
            spec,
            [new OciHook(first, [], [], null), new OciHook(second, [], ["FOO=bar"], null)],
            _dir.FullName,
            CancellationToken.None);

        Assert.Equal(2, result["a"]!.GetValue<int>());
        Assert.Equal("bar-none", result["seen"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failing_hook_stops_with_Podmans_executing_text()
    {
        var failing = Script("fail", "exit 3");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => PrecreateFilter.RunAsync(
            new JsonObject(), [new OciHook(failing, ["fail", "x"], [], null)], _dir.FullName, CancellationToken.None));

        Assert.Equal("setting up OCI Hooks: executing [fail x]: exit status 3", error.Message);
    }

    [Fact]
    public async Task Output_that_is_not_a_spec_stops_the_container()
    {
        var chatty = Script("chatty", "echo hello");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => PrecreateFilter.RunAsync(
            new JsonObject(), [new OciHook(chatty, [], [], null)], _dir.FullName, CancellationToken.None));

        Assert.StartsWith("setting up OCI Hooks: unmarshal output from config-filter hook 0: ", error.Message);
    }

    [Fact]
    public async Task A_hook_past_its_timeout_is_killed()
    {
        var slow = Script("slow", "/bin/sleep 30");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => PrecreateFilter.RunAsync(
            new JsonObject(), [new OciHook(slow, [], [], 1)], _dir.FullName, CancellationToken.None));

        Assert.Equal("setting up OCI Hooks: context deadline exceeded", error.Message);
    }

    private string Script(string name, string body)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
