using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>
/// The interactive login prompt on a real terminal (a pty from <c>script</c>): the username
/// echoes, the password does not, and the terminal has echo back afterwards.
/// </summary>
[Collection(Collections.Registry)]
public sealed class LoginPromptTests(ModpodFixture modpod) : IAsyncLifetime
{
    private RegistryFixture? _registry;

    public async Task InitializeAsync() => _registry = await RegistryFixture.StartWithAuthAsync();

    public async Task DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_password_typed_at_the_prompt_is_not_echoed_and_echo_comes_back()
    {
        var work = Directory.CreateTempSubdirectory("modular-login-pty-").FullName;
        try
        {
            var result = await TypeAtPromptAsync(work, RegistryFixture.User, RegistryFixture.Password);

            Assert.Contains("Username: " + RegistryFixture.User, result.Transcript);
            Assert.Contains("Password: ", result.Transcript);
            Assert.Contains("Login Succeeded!", result.Transcript);
            Assert.DoesNotContain(RegistryFixture.Password, result.Transcript);
            Assert.Contains("echo", result.SttyAfter.Split(' ', '\n'));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Runs login under <c>script</c>, typing each answer only once its prompt is on the
    /// terminal, then prints the terminal's settings (<c>stty -a</c>) from inside the pty.
    /// </summary>
    private async Task<(string Transcript, string SttyAfter)> TypeAtPromptAsync(
        string work,
        string user,
        string password)
    {
        var transcript = Path.Combine(work, "typescript");
        var stty = Path.Combine(work, "stty");
        var inner = $"{Quote(RepositoryPaths.Modpod)} --root {Quote(modpod.GraphRoot)} " +
            $"--runroot {Quote(modpod.RunRoot)} login --tls-verify=false {_registry!.Address}; " +
            $"stty -a > {Quote(stty)}";
        var feeder =
            "wait_for() { for _ in $(seq 300); do grep -q \"$1\" \"$T\" 2>/dev/null && return; sleep 0.1; done; }; " +
            "{ wait_for 'Username: '; printf '%s\\n' \"$U\"; wait_for 'Password: '; printf '%s\\n' \"$P\"; " +
            "wait_for 'Succeeded\\|Error'; } | script -qfec \"$INNER\" \"$T\" > /dev/null";
        await Cli.Wrap("bash")
            .WithArguments(["-c", feeder])
            .WithEnvironmentVariables(new Dictionary<string, string?>
            {
                ["T"] = transcript,
                ["U"] = user,
                ["P"] = password,
                ["INNER"] = inner,
                ["CONTAINERS_CONF"] = Path.Combine(modpod.Directory, "containers.conf"),
                ["CONTAINERS_STORAGE_CONF"] = Path.Combine(modpod.Directory, "storage.conf"),
                ["CONTAINERS_REGISTRIES_CONF"] = Path.Combine(modpod.Directory, "registries.conf"),
                ["REGISTRY_AUTH_FILE"] = Path.Combine(work, "auth.json"),
                ["MODULAR_CONF"] = Path.Combine(modpod.Directory, "modular.conf"),
            })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        return (await File.ReadAllTextAsync(transcript), File.Exists(stty) ? await File.ReadAllTextAsync(stty) : "");
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";
}
