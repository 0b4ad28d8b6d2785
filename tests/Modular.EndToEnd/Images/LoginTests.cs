using System.Text.Json;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>login, push, pull and logout against a registry with htpasswd auth.</summary>
[Collection(Collections.Registry)]
public sealed class LoginTests(ModpodFixture modpod) : IAsyncLifetime
{
    private RegistryFixture? _registry;

    private RegistryFixture Registry => _registry!;

    private string AuthFile => Path.Combine(modpod.Directory, "auth.json");

    public async Task InitializeAsync()
    {
        _registry = await RegistryFixture.StartWithAuthAsync();
        File.Delete(AuthFile);
    }

    public async Task DisposeAsync()
    {
        File.Delete(AuthFile);
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_wrong_password_is_one_line_exit_125_and_writes_no_credentials()
    {
        var login = await modpod.RunAsync(
            "login", "--tls-verify=false", "-u", RegistryFixture.User, "-p", "not-the-password", Registry.Address);

        ModpodAssert.Exit(125, login);
        Assert.Equal($"Error: logging into \"{Registry.Address}\": invalid username/password", login.StandardError.Trim());
        Assert.False(File.Exists(AuthFile) && File.ReadAllText(AuthFile).Contains(Registry.Address));
    }

    [Fact]
    public async Task Login_push_pull_and_logout_work_and_auth_json_holds_the_entry_until_logout()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var target = $"{Registry.Address}/auth/bb:v1";

        var login = await modpod.RunAsync(
            "login", "--tls-verify=false", "-u", RegistryFixture.User, "-p", RegistryFixture.Password, Registry.Address);
        var stored = Entry();
        var push = await modpod.RunAsync("push", "--tls-verify=false", image, target);
        var pull = await modpod.RunAsync("pull", "--tls-verify=false", target);
        var getLogin = await modpod.RunAsync("login", "--get-login", Registry.Address);
        var logout = await modpod.RunAsync("logout", Registry.Address);
        var after = Entry();
        var again = await modpod.RunAsync("logout", Registry.Address);
        var anonymous = await modpod.RunAsync("push", "--tls-verify=false", image, target);

        ModpodAssert.Exit(0, login);
        Assert.Equal("Login Succeeded!", login.Output);
        Assert.Equal(Convert.ToBase64String("modular:modular-secret"u8.ToArray()), stored);
        ModpodAssert.Exit(0, push);
        ModpodAssert.Exit(0, pull);
        Assert.Equal(RegistryFixture.User, getLogin.Output);
        Assert.Equal($"Removed login credentials for {Registry.Address}", logout.Output);
        Assert.Null(after);
        ModpodAssert.Exit(125, again);
        Assert.Equal($"Error: not logged into {Registry.Address}", again.StandardError.Trim());
        ModpodAssert.Exit(125, anonymous);
        Assert.Single(anonymous.ErrorLines, l => l.StartsWith("Error: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Creds_push_without_auth_json_and_wrong_creds_fail_in_one_line()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var creds = $"{RegistryFixture.User}:{RegistryFixture.Password}";

        var push = await modpod.RunAsync(
            "push", "--tls-verify=false", "--creds", creds, image, $"{Registry.Address}/auth/creds:v1");
        var wrong = await modpod.RunAsync(
            "push", "--tls-verify=false", "--creds", "modular:wrong", image, $"{Registry.Address}/auth/creds:v2");

        ModpodAssert.Exit(0, push);
        Assert.False(File.Exists(AuthFile));
        ModpodAssert.Exit(125, wrong);
        Assert.Single(wrong.ErrorLines, l => l.StartsWith("Error: ", StringComparison.Ordinal));
        Assert.DoesNotContain("wrong", wrong.StandardError);
    }

    [Fact]
    public async Task Credentials_never_appear_in_trace_logs()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var creds = $"{RegistryFixture.User}:{RegistryFixture.Password}";

        var push = await modpod.RunAsync(
            "--log-level", "trace", "push", "--tls-verify=false", "--creds", creds, image,
            $"{Registry.Address}/auth/trace:v1");

        ModpodAssert.Exit(0, push);
        Assert.Contains("value redacted", push.StandardError);
        Assert.DoesNotContain(RegistryFixture.Password, push.StandardError);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(creds)), push.StandardError);
    }

    [Fact]
    public async Task Logout_all_empties_the_auth_file()
    {
        await modpod.RunAsync(
            "login", "--tls-verify=false", "-u", RegistryFixture.User, "-p", RegistryFixture.Password, Registry.Address);

        var logout = await modpod.RunAsync("logout", "--all");

        ModpodAssert.Exit(0, logout);
        Assert.Equal("Removed login credentials for all registries", logout.Output);
        Assert.Null(Entry());
    }

    private string? Entry()
    {
        if (!File.Exists(AuthFile))
        {
            return null;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(AuthFile));
        return json.RootElement.TryGetProperty("auths", out var auths)
            && auths.TryGetProperty(Registry.Address, out var entry)
            ? entry.GetProperty("auth").GetString()
            : null;
    }
}
