using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>
/// <c>image sign</c>: simple signing with a throw-away GnuPG key that lives only in this
/// test's own GNUPGHOME (its gpg-agent is stopped and the directory removed afterwards).
/// </summary>
[Collection(Collections.Containers)]
public sealed class ImageSignTests(ModpodFixture modpod) : IAsyncLifetime
{
    private const string Identity = "modular-sign-test@modular.invalid";
    private readonly string _work = Directory.CreateTempSubdirectory("modular-sign-").FullName;

    private string GnupgHome => Path.Combine(_work, "gnupg");

    private string Signatures => Path.Combine(_work, "sigs");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(GnupgHome, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(Signatures);
        var key = await Gpg("--batch", "--passphrase", "", "--quick-gen-key", Identity, "default", "default", "never");
        Assert.True(key.ExitCode == 0, key.StandardError);
    }

    public async Task DisposeAsync()
    {
        await Cli.Wrap("gpgconf").WithArguments(["--kill", "gpg-agent"])
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["GNUPGHOME"] = GnupgHome })
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        Directory.Delete(_work, recursive: true);
    }

    private Task<BufferedCommandResult> Gpg(params string[] args) =>
        Cli.Wrap("gpg").WithArguments(args)
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["GNUPGHOME"] = GnupgHome })
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();

    private Task<ModpodResult> Sign(params string[] args) =>
        modpod.RunAsync(["image", "sign", .. args], new Dictionary<string, string?> { ["GNUPGHOME"] = GnupgHome });

    [Fact]
    public async Task A_local_image_is_signed_into_the_directory_and_gpg_verifies_the_payload()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var digest = (await modpod.RunAsync("image", "inspect", "--format", "{{.Digest}}", image)).Output;

        var first = await Sign("--sign-by", Identity, "--directory", Signatures, $"containers-storage:{image}");
        var second = await Sign("--sign-by", Identity, "-d", Signatures, $"containers-storage:{image}");

        ModpodAssert.Exit(0, first);
        ModpodAssert.Exit(0, second);
        var folder = Path.Combine(Signatures, "busybox@" + digest.Replace(':', '='));
        Assert.True(File.Exists(Path.Combine(folder, "signature-1")));
        Assert.True(File.Exists(Path.Combine(folder, "signature-2")));
        var verified = await Gpg("--batch", "--decrypt", Path.Combine(folder, "signature-1"));
        Assert.True(verified.ExitCode == 0, verified.StandardError);
        using var payload = JsonDocument.Parse(verified.StandardOutput);
        var critical = payload.RootElement.GetProperty("critical");
        Assert.Equal("atomic container signature", critical.GetProperty("type").GetString());
        Assert.Equal(image, critical.GetProperty("identity").GetProperty("docker-reference").GetString());
        Assert.Equal(digest, critical.GetProperty("image").GetProperty("docker-manifest-digest").GetString());
    }

    [Fact]
    public async Task Missing_identity_transport_directory_or_key_are_refused_with_exit_125()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var noIdentity = await Sign(image);
        var noTransport = await Sign("--sign-by", Identity, "-d", Signatures, image);
        var noDirectory = await Sign("--sign-by", Identity, "-d", Path.Combine(_work, "absent"), $"containers-storage:{image}");
        var noKey = await Sign("--sign-by", "nobody@modular.invalid", "-d", Signatures, $"containers-storage:{image}");

        ModpodAssert.Exit(125, noIdentity);
        Assert.Equal("Error: no identity provided", noIdentity.StandardError.Trim());
        ModpodAssert.Exit(125, noTransport);
        Assert.StartsWith(
            $"Error: parsing image name: Invalid image name \"{image}\"", noTransport.StandardError.Trim());
        ModpodAssert.Exit(125, noDirectory);
        Assert.StartsWith("Error: stat ", noDirectory.StandardError.Trim());
        ModpodAssert.Exit(125, noKey);
        Assert.StartsWith($"Error: storing signature for {image}, sha256:", noKey.StandardError.Trim());
        Assert.Empty(Directory.GetFiles(Signatures, "*", SearchOption.AllDirectories));
    }
}
