using Modular.Hooks;
using Xunit;

namespace Modular.Engine.Tests.Hooks;

public sealed class HookFileReaderTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("modular-hooks-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void A_1_0_0_file_is_read_with_its_hook_conditions_and_stages()
    {
        var path = Write("a.json", """
            {"version": "1.0.0", "hook": {"path": "/bin/true", "args": ["true", "x"], "env": ["A=1"], "timeout": 3},
             "when": {"annotations": {"^k$": "v"}, "commands": ["sh$"], "hasBindMounts": true},
             "stages": ["prestart", "poststop"]}
            """);

        var hook = HookFileReader.Read(path);

        Assert.Equal("/bin/true", hook.Hook.Path);
        Assert.Equal(3, hook.Hook.Timeout);
        Assert.Equal(["A=1"], hook.Hook.Env);
        Assert.Equal(["true", "x"], hook.Hook.Args);
        Assert.Equal("v", hook.When.Annotations["^k$"]);
        Assert.Equal(["sh$"], hook.When.Commands);
        Assert.True(hook.When.HasBindMounts);
        Assert.Equal(["prestart", "poststop"], hook.Stages);
        Assert.False(hook.When.Or);
    }

    [Fact]
    public void A_0_1_0_file_becomes_an_any_of_hook_with_its_arguments_after_the_path()
    {
        var path = Write("old.json", """
            {"hook": "/bin/true", "arguments": ["--debug"], "stage": ["prestart"],
             "cmd": ["init$"], "annotation": ["fluid", "dynamics"], "hasbindmounts": true}
            """);

        var hook = HookFileReader.Read(path);

        Assert.Equal("0.1.0", hook.Version);
        Assert.Equal(["/bin/true", "--debug"], hook.Hook.Args);
        Assert.True(hook.When.Or);
        Assert.Equal("fluid|dynamics", hook.When.Annotations[".*"]);
        Assert.Equal(["init$"], hook.When.Commands);
    }

    [Theory]
    [InlineData("{", "parsing hook \"FILE\": version check: unexpected end of JSON input")]
    [InlineData("""{"version": "-1"}""", "parsing hook \"FILE\": unrecognized hook version: \"-1\"")]
    [InlineData("""{"version": "1.0.0", "hook": "x"}""",
        "parsing hook \"FILE\": 1.0.0: json: cannot unmarshal string into Go struct field Hook.hook of type specs.Hook")]
    [InlineData("""{"version": "1.0.0", "hook": {}, "stages": []}""", "missing required property: hook.path")]
    [InlineData("""{"version": "1.0.0", "hook": {"path": "/bin/true"}}""", "missing required property: stages")]
    [InlineData("""{"version": "1.0.0", "hook": {"path": "/bin/true"}, "stages": ["later"]}""", "unknown stage \"later\"")]
    [InlineData("""{"hook": "/bin/true", "stages": ["prestart"], "stage": ["prestart"]}""",
        "parsing hook \"FILE\": : cannot set both 'stage' and 'stages'")]
    [InlineData("""{"stages": ["prestart"]}""", "parsing hook \"FILE\": : missing required property: hook")]
    public void Invalid_files_fail_with_Podmans_text(string json, string expected)
    {
        var path = Write("bad.json", json);

        var error = Assert.Throws<HookFileException>(() => HookFileReader.Read(path));

        Assert.Equal(expected.Replace("FILE", path, StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void A_missing_program_is_reported_as_such()
    {
        var path = Write("gone.json", """{"version": "1.0.0", "hook": {"path": "/does/not/exist"}, "stages": []}""");

        var error = Assert.Throws<HookFileException>(() => HookFileReader.Read(path));

        Assert.True(error.MissingProgram);
        Assert.Equal("stat /does/not/exist: no such file or directory", error.Message);
    }

    private string Write(string name, string json)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, json);
        return path;
    }
}
