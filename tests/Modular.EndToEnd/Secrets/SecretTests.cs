using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Secrets;

/// <summary>secret create/ls/inspect/rm/exists and run --secret over a store of the test's own.</summary>
public sealed class SecretTests
{
    private const string Data = "pa55-w0rd-never-logged";

    [Fact]
    public async Task Secret_data_is_stored_private_and_shown_only_with_showsecret()
    {
        await using var owned = new OwnedStore(await ModpodFixture.CreateAsync(new StoreOptions()));
        var store = owned.Fixture;
        var file = await DataFileAsync(store);

        var create = await store.RunAsync("secret", "create", "--label", "a=b", "s1", file);
        var inspect = await store.RunAsync("secret", "inspect", "s1");
        var shown = await store.RunAsync("secret", "inspect", "--showsecret", "--format", "{{.SecretData}}", "s1");

        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.Matches("^[0-9a-f]{25}$", create.Output);
        Assert.DoesNotContain(Data, inspect.Output);
        Assert.Equal("b", JsonNode.Parse(inspect.Output)![0]!["Spec"]!["Labels"]!["a"]!.ToString());
        Assert.Equal(Data, shown.Output);
        var dataFile = DataFile(store);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(dataFile));
        Assert.DoesNotContain(Data, await ReadAllTextAsync(store.GraphRoot, except: dataFile));
    }

    [Fact]
    public async Task Secret_errors_use_podmans_words_and_exit_codes()
    {
        await using var owned = new OwnedStore(await ModpodFixture.CreateAsync(new StoreOptions()));
        var store = owned.Fixture;
        var file = await DataFileAsync(store);
        await store.RunAsync("secret", "create", "s1", file);

        await AssertFailsAsync(store, 125, "Error: s1: secret name in use", "secret", "create", "s1", file);
        await AssertFailsAsync(store, 125, "Error: inspecting secret: no secret with name or id \"nope\": no such secret", "secret", "inspect", "nope");
        await AssertFailsAsync(store, 125, "Error: no secret with name or id \"nope\": no such secret", "secret", "rm", "nope");
        await AssertFailsAsync(store, 125, "Error: `podman secret rm` requires one argument, or the --all flag", "secret", "rm");
        await AssertFailsAsync(store, 125,
            "Error: only 253 [a-zA-Z0-9-_.] characters allowed, and the start and end character must be [a-zA-Z0-9]: bad/: invalid secret name",
            "secret", "create", "bad/", file);
        Assert.Equal(1, (await store.RunAsync("secret", "exists", "nope")).ExitCode);
        Assert.Equal(0, (await store.RunAsync("secret", "rm", "--ignore", "nope")).ExitCode);
        Assert.Single((await store.RunAsync("secret", "ls", "-q")).Lines);
    }

    [Fact]
    public async Task Replace_keeps_the_id_and_ls_filters_by_name()
    {
        await using var owned = new OwnedStore(await ModpodFixture.CreateAsync(new StoreOptions()));
        var store = owned.Fixture;
        var file = await DataFileAsync(store);
        var id = (await store.RunAsync("secret", "create", "s1", file)).Output;
        await store.RunAsync("secret", "create", "other", file);

        var replaced = await store.RunAsync("secret", "create", "--replace", "s1", file);
        var ls = await store.RunAsync("secret", "ls", "--filter", "name=^s1$", "--format", "{{.ID}} {{.Name}} {{.Driver}}");
        var header = await store.RunAsync("secret", "ls", "--noheading");

        Assert.Equal(id, replaced.Output);
        Assert.Equal($"{id} s1 file", ls.Output);
        Assert.Equal(2, header.Lines.Count);
        Assert.Equal(2, (await store.RunAsync("secret", "rm", "--all")).Lines.Count);
    }

    [Fact]
    public async Task Run_secret_mounts_the_file_sets_the_variable_and_keeps_inspect_clean()
    {
        await using var owned = new OwnedStore(await ModpodFixture.CreateAsync(new StoreOptions()));
        var store = owned.Fixture;
        var image = await store.EnsureBusyboxAsync();
        await store.RunAsync("secret", "create", "s1", await DataFileAsync(store));

        var run = await store.RunAsync(
            "run", "--name", "user", "--network", "none",
            "--secret", "s1", "--secret", "s1,target=/etc/app.pw,mode=0400",
            "--secret", "s1,type=env,target=APP_PW", image,
            "sh", "-c", "cat /run/secrets/s1; echo; cat /etc/app.pw; echo; echo $APP_PW; stat -c %a /etc/app.pw; echo x > /run/secrets/s1");
        var inspect = await store.RunAsync("inspect", "user");
        var secrets = JsonNode.Parse(inspect.Output)![0]!["Config"]!["Secrets"]!.AsArray();

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal([Data, Data, Data, "400"], run.Lines);
        Assert.Contains("Read-only file system", run.StandardError);
        Assert.Equal(3, secrets.Count);
        Assert.Equal("s1", secrets[0]!["Name"]!.ToString());
        Assert.DoesNotContain(Data, inspect.Output);
        Assert.DoesNotContain(Data, await ReadAllTextAsync(Path.Combine(store.Directory, "events")));
        Assert.DoesNotContain(Data, await ReadAllTextAsync(store.GraphRoot, except: DataFile(store)));
        await store.RunAsync("rm", "user");
    }

    [Theory]
    [InlineData("nope", "Error: no secret with name or id \"nope\": no such secret")]
    [InlineData("s1,type=bad", "Error: type bad is invalid: error parsing secret")]
    [InlineData("s1,type=env,uid=1", "Error: UID, GID, Mode options cannot be set with secret type env: error parsing secret")]
    [InlineData("s1,oops", "Error: option oops must be in form option=value: error parsing secret")]
    public async Task Create_with_a_bad_secret_fails_and_creates_nothing(string secret, string error)
    {
        await using var owned = new OwnedStore(await ModpodFixture.CreateAsync(new StoreOptions()));
        var store = owned.Fixture;
        var image = await store.EnsureBusyboxAsync();
        await store.RunAsync("secret", "create", "s1", await DataFileAsync(store));

        var create = await store.RunAsync("create", "--network", "none", "--secret", secret, image, "true");

        Assert.Equal((125, error), (create.ExitCode, create.StandardError.Trim()));
        Assert.Equal("", (await store.RunAsync("ps", "-aq")).Output);
    }

    private static string DataFile(ModpodFixture store) =>
        Path.Combine(store.GraphRoot, "secrets", "filedriver", "secretsdata.json");

    private static async Task AssertFailsAsync(ModpodFixture store, int code, string error, params string[] args)
    {
        var result = await store.RunAsync(args);
        Assert.Equal((code, error), (result.ExitCode, result.StandardError.Trim()));
    }

    private static async Task<string> DataFileAsync(ModpodFixture store)
    {
        var file = Path.Combine(store.Directory, "secret-input.txt");
        await File.WriteAllTextAsync(file, Data);
        return file;
    }

    // Every regular file under the directory but the data file, the input file and the
    // container's own log (which holds what the test's container printed on purpose): the
    // graph root and the events log hold no FIFOs or sockets that a read would block on.
    private static async Task<string> ReadAllTextAsync(string directory, string? except = null)
    {
        var text = new System.Text.StringBuilder();
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        foreach (var path in Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "*", options) : [])
        {
            var info = new FileInfo(path);
            if (path == except || info.Name is "secret-input.txt" or "ctr.log" || info.Length > 1_000_000
                || info.LinkTarget is not null || path.Contains("/overlay", StringComparison.Ordinal))
            {
                continue;
            }

            text.Append(await File.ReadAllTextAsync(path));
        }

        return text.ToString();
    }
}
