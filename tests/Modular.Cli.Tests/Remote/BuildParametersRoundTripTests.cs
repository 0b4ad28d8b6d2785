using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Modular.Api.Compat;
using Modular.Engine.Build;
using Modular.Engine.Containers;
using Modular.Remote.Services;
using Xunit;

namespace Modular.Cli.Tests.Remote;

/// <summary>
/// Proves no build flag is dropped on the way through the service: BuildOptions with every
/// member set -> the remote client's /libpod/build query -> the service's read of it, and
/// back equal. A member added later without a sample here, or without travelling, fails.
/// </summary>
public sealed class BuildParametersRoundTripTests
{
    // Members that do not travel in the query as themselves, each with the reason.
    private static readonly Dictionary<string, string> NotCarried = new()
    {
        ["ContextDirectory"] = "the context travels as the tar body; the service unpacks it",
        ["Containerfile"] = "travels inside the context (dockerfile names it)",
        ["Output"] = "the client's own writer; the stream's lines are relayed to it",
        ["Warnings"] = "the client's own writer",
        ["OpenStdout"] = "the client's own stream",
        ["OpenStderr"] = "the client's own stream",
        ["IgnoreFile"] = "applied on the client while the context is tarred",
        ["ContainerfilePaths"] = "resolved on the client into the sent context",
        ["Runtime"] = "refused remotely: Podman's build API has no runtime parameter",
        ["AuthFile"] = "read on the client, sent as X-Registry-Config; covered by AuthFileTravelsAsHeader",
        ["DefaultMountsFile"] = "the service's own configuration",
        ["Platform"] = "checked and resolved by BuildQuery.Check; covered by PlatformTravels",
    };

    [Fact]
    public void EveryBuildMemberTravels()
    {
        using var temp = new TempDir();
        var original = Sample(temp.Path);
        var back = RoundTrip(original, temp.Path);

        foreach (var property in typeof(BuildOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (NotCarried.ContainsKey(property.Name))
            {
                continue;
            }

            var sent = Canonical(property.GetValue(original));
            Assert.False(IsDefault(property, original), $"the sample leaves {property.Name} unset");
            if (property.Name == "Secrets")
            {
                var secrets = (IReadOnlyDictionary<string, string>)property.GetValue(back)!;
                Assert.Equal("s3cret", File.ReadAllText(secrets["token"]));
                Assert.False(File.Exists(Path.Combine(temp.Path, "context", Path.GetFileName(secrets["token"]))));
                continue;
            }

            Assert.True(sent == Canonical(property.GetValue(back)), $"{property.Name}: sent {sent}, received {Canonical(property.GetValue(back))}");
        }
    }

    [Fact]
    public void SquashAllTravels()
    {
        using var temp = new TempDir();
        var original = Sample(temp.Path) with { Squash = false, SquashAll = true, Secrets = new Dictionary<string, string>() };

        var back = RoundTrip(original, temp.Path);

        Assert.True(back.SquashAll);
        Assert.False(back.Squash);
    }

    [Fact]
    public void LayersOffTravels()
    {
        using var temp = new TempDir();
        var original = Sample(temp.Path) with { Squash = false, Layers = false, Secrets = new Dictionary<string, string>() };

        var back = RoundTrip(original, temp.Path);

        Assert.False(back.Layers);
        Assert.False(back.Squash || back.SquashAll);
    }

    [Fact]
    public void DockerUlimitObjectsAreRead()
    {
        var http = new DefaultHttpContext();
        http.Request.QueryString = new QueryString("?ulimits=" + Uri.EscapeDataString("[{\"Name\":\"nofile\",\"Hard\":20,\"Soft\":10}]"));

        var options = BuildQuery.WithCarried(Blank("/nonexistent"), http.Request.Query, libpod: false, "/nonexistent");

        Assert.Equal(["nofile=10:20"], options.Containers.Ulimits);
    }

    [Fact]
    public void PlatformTravels()
    {
        var query = BuildParameters.Query(Blank("/nonexistent") with { Platform = "linux/amd64" }, null);

        Assert.Contains("platform=linux%2Famd64", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthFileTravelsAsHeader()
    {
        using var temp = new TempDir();
        var file = Path.Combine(temp.Path, "auth.json");
        File.WriteAllText(file, "{\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("u:p")) + "\"}}}");
        var header = BuildAuthConfig.Read(file)!;
        var http = new DefaultHttpContext();
        http.Request.Headers[BuildAuthFile.Header] = header;

        var written = (await BuildAuthFile.WriteAsync(http, Path.Combine(temp.Path, "server"), CancellationToken.None))!;

        using var json = JsonDocument.Parse(File.ReadAllText(written));
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("u:p")),
            json.RootElement.GetProperty("auths").GetProperty("127.0.0.1:5000").GetProperty("auth").GetString());
    }

    private static BuildOptions RoundTrip(BuildOptions original, string temp)
    {
        var extra = new Dictionary<string, string>();
        var names = new Dictionary<string, string>();
        var context = Path.Combine(temp, "context");
        Directory.CreateDirectory(context);
        foreach (var (id, path) in original.Secrets)
        {
            names[id] = ".secret-" + id;
            File.Copy(path, Path.Combine(context, names[id]));
        }

        var query = BuildParameters.Query(original, "Containerfile", names);
        var http = new DefaultHttpContext();
        http.Request.QueryString = new QueryString(query);
        var output = new StreamLineWriter(new JsonLineStream());
        var held = http.Request.Query.ContainsKey("q") ? new HeldBuildOutput() : null;
        return BuildRoute.Options(http, context, "FROM scratch\n", output, held, libpod: true, Path.Combine(temp, "secrets"));
    }

    private static BuildOptions Blank(string context) => new(context, "FROM scratch\n", TextWriter.Null, TextWriter.Null);

    private static BuildOptions Sample(string temp)
    {
        var secret = Path.Combine(temp, "secret.txt");
        File.WriteAllText(secret, "s3cret");
        return Blank(Path.Combine(temp, "context")) with
        {
            Tags = ["localhost/a:1", "localhost/b:2"],
            BuildArgs = new Dictionary<string, string> { ["A"] = "1" },
            Target = "stage",
            NoCache = true,
            Layers = true,
            Pull = PullPolicyMode.Always,
            Docker = true,
            Labels = ["l=1"],
            Annotations = ["a=1", "b=2"],
            Env = ["E=1", "F=2"],
            Squash = true,
            SquashAll = false,
            OmitHistory = true,
            Timestamp = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
            Quiet = true,
            Network = "none",
            Volumes = ["/tmp:/mnt:ro"],
            Secrets = new Dictionary<string, string> { ["token"] = secret },
            Containers = new BuildContainerSettings
            {
                Ulimits = ["nofile=1024:1024"],
                SecurityOpts = ["label=disable"],
                CapAdd = ["NET_ADMIN"],
                CapDrop = ["CHOWN"],
                DnsServers = ["10.0.0.1"],
                DnsSearch = ["example.test"],
                DnsOptions = ["ndots:2"],
            },
            TlsVerify = false,
        };
    }

    private static bool IsDefault(PropertyInfo property, BuildOptions options) =>
        property.Name != "SquashAll" && property.Name != "Layers"
        && Canonical(property.GetValue(options)) == Canonical(property.GetValue(Blank("/nonexistent")));

    private static string Canonical(object? value) => JsonSerializer.Serialize(value);

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("modpod-build-rt-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
