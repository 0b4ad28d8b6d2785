using Modular.Engine.Registry;
using Xunit;

namespace Modular.Engine.Tests.Registry;

public sealed class AuthFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("modular-auth-test-").FullName;

    private string PathName => Path.Combine(_directory, "sub", "auth.json");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void An_entry_round_trips_keeps_other_keys_and_is_written_as_podman_does()
    {
        File.WriteAllText(Path.Combine(_directory, "seed.json"), "");
        Directory.CreateDirectory(Path.GetDirectoryName(PathName)!);
        File.WriteAllText(PathName, "{\"credHelpers\":{\"x.io\":\"pass\"}}");
        var file = new AuthFile(PathName);

        file.Set("127.0.0.1:5000", new RegistryCredentials("me", "p>?+w"));
        var text = File.ReadAllText(PathName);
        var entry = file.Get("127.0.0.1:5000");

        Assert.Equal(new RegistryCredentials("me", "p>?+w"), entry);
        Assert.Contains("\"credHelpers\"", text);
        Assert.Contains("\t\"auths\": {", text);
        Assert.DoesNotContain("\\u", text);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PathName));
    }

    [Fact]
    public void Remove_reports_whether_there_was_an_entry()
    {
        var file = new AuthFile(PathName);
        file.Set("a.example", new RegistryCredentials("u", "p"));

        var first = file.Remove("a.example");
        var second = file.Remove("a.example");

        Assert.True(first);
        Assert.False(second);
        Assert.Null(file.Get("a.example"));
    }

    [Theory]
    [InlineData("https://127.0.0.1:5000/", "127.0.0.1:5000")]
    [InlineData("docker://quay.io/team", "quay.io/team")]
    [InlineData("localhost:5000", "localhost:5000")]
    public void Login_keys_drop_the_scheme_and_trailing_slash(string typed, string key) =>
        Assert.Equal(key, RegistryLogins.KeyOf(typed));
}
