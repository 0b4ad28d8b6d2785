using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Compat;

/// <summary>
/// Every command that takes --authfile refuses a missing one first, in Podman's words and
/// with exit 125 (030-run's "podman --authfile=nonexistent-path"); REGISTRY_AUTH_FILE
/// naming a missing file is not checked.
/// </summary>
[Collection(Collections.Containers)]
public sealed class AuthFileFlagTests(ModpodFixture modpod) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("modular-authfile-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    // "@" marks where the flag goes: right after the command's words, as the test types it.
    public static TheoryData<string> Commands => new()
    {
        "auto-update @", "build @ {work}", "container runlabel @ run {image}", "create @ {image} argument",
        "image sign @ {image}", "kube play @ argument", "logout @ {image}", "manifest add @ {image} argument",
        "manifest inspect @ {image}", "manifest push @ {image}", "pull @ {image}", "push @ {image}",
        "run --rm @ {image} false", "search @ {image}",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_missing_authfile_is_refused_before_anything_else(string command)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var bogus = Path.Combine(_work, "bogus-authfile");
        var args = command.Replace("{image}", image).Replace("{work}", _work)
            .Replace("@", $"--authfile={bogus}").Split(' ');

        var result = await modpod.RunAsync(args, null);

        ModpodAssert.Exit(125, result);
        Assert.Equal(
            $"Error: credential file is not accessible: faccessat {bogus}: no such file or directory",
            result.StandardError.Trim());
    }

    [Theory]
    [InlineData("search {image}")]
    [InlineData("container runlabel run {image}")]
    [InlineData("image sign {image}")]
    [InlineData("auto-update")]
    public async Task REGISTRY_AUTH_FILE_naming_a_missing_file_is_not_checked(string command)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var bogus = Path.Combine(_work, "bogus-authfile");
        var env = new Dictionary<string, string?> { ["REGISTRY_AUTH_FILE"] = bogus };

        var result = await modpod.RunAsync(command.Replace("{image}", image).Split(' '), env);

        Assert.DoesNotContain("credential file is not accessible", result.StandardError);
    }
}
