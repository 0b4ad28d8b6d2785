using CliWrap;
using CliWrap.Buffered;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// Runs the staged modpod against a store of its own: a temp directory holding
/// --root, --runroot and the config files named by the environment. One per test
/// collection (or created directly for a fresh store); DisposeAsync leaves nothing.
/// </summary>
public sealed partial class ModpodFixture : IAsyncLifetime
{
    public const string Busybox = "localhost/busybox:latest";

    private readonly StoreOptions _options;
    private bool _busyboxLoaded;
    private MatrixNetwork? _matrixNetwork;

    public ModpodFixture()
        : this(StoreOptions.Default)
    {
    }

    // Private: xunit needs exactly one public constructor on a collection fixture.
    private ModpodFixture(StoreOptions options)
    {
        _options = options;
        Directory = System.IO.Directory.CreateTempSubdirectory("modular-e2e-").FullName;
    }

    public string Directory { get; }

    public string GraphRoot => Path.Combine(Directory, "root");

    public string RunRoot => Path.Combine(Directory, "runroot");

    /// <summary>A fixture with its own fresh store, for tests that need other config files.</summary>
    public static async Task<ModpodFixture> CreateAsync(StoreOptions options)
    {
        var fixture = new ModpodFixture(options);
        await fixture.InitializeAsync();
        return fixture;
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(RepositoryPaths.Modpod))
        {
            // xunit does not dispose a fixture whose start failed; delete our dir here.
            System.IO.Directory.Delete(Directory, recursive: true);
            throw new InvalidOperationException(
                $"modpod not found at {RepositoryPaths.Modpod}: run ./scripts/build or set MODPOD");
        }

        foreach (var sub in new[] { "root", "runroot", "libexec", "events", "work" })
        {
            System.IO.Directory.CreateDirectory(Path.Combine(Directory, sub));
        }

        _matrixNetwork = await MatrixNetwork.CreateAsync(Directory, _options);
        ConfigFiles.Write(
            Directory,
            _matrixNetwork is null
                ? _options
                : _options with { ExtraTables = [.. _options.ExtraTables ?? [], .. _matrixNetwork.Table] });
    }

    public Task<ModpodResult> RunAsync(params string[] args) => RunAsync(args, null);

    public async Task<ModpodResult> RunAsync(
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string?>? environment,
        CancellationToken cancellationToken = default)
    {
        var result = await Command(args, environment).ExecuteBufferedAsync(cancellationToken);
        return new ModpodResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>Starts modpod without waiting; the process ID lets a test kill it.</summary>
    public (int ProcessId, Task<ModpodResult> Completion) Start(params string[] args)
    {
        var task = Command(args, null).ExecuteBufferedAsync();
        return (task.ProcessId, Finish(task));
    }

    public async Task<bool> ContainerExistsAsync(string name) =>
        (await RunAsync("container", "exists", name)).ExitCode == 0;

    /// <summary>Loads the busybox test image as localhost/busybox:latest, once per fixture.</summary>
    public async Task<string> EnsureBusyboxAsync()
    {
        if (!_busyboxLoaded)
        {
            await LoadAsync(await TestImageCatalog.BusyboxAsync(Busybox), expectSuccess: true);
            _busyboxLoaded = true;
        }

        return Busybox;
    }

    /// <summary>Writes the image as a docker-archive in the fixture dir and runs `load -i`.</summary>
    public async Task<ModpodResult> LoadAsync(TestImage image, bool expectSuccess = false)
    {
        var archive = Path.Combine(Directory, "work", Guid.NewGuid().ToString("N") + ".tar");
        await DockerArchiveWriter.WriteAsync(image, archive);
        var result = await RunAsync("load", "-i", archive);
        File.Delete(archive);
        if (expectSuccess && result.ExitCode != 0)
        {
            throw new InvalidOperationException("modpod load failed: " + result);
        }

        return result;
    }

    private Command Command(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment)
    {
        var variables = new Dictionary<string, string?>
        {
            ["CONTAINERS_CONF"] = Path.Combine(Directory, "containers.conf"),
            ["CONTAINERS_CONF_OVERRIDE"] = null,
            ["CONTAINERS_STORAGE_CONF"] = Path.Combine(Directory, "storage.conf"),
            ["CONTAINERS_REGISTRIES_CONF"] = Path.Combine(Directory, "registries.conf"),
            ["REGISTRY_AUTH_FILE"] = Path.Combine(Directory, "auth.json"),
            ["MODULAR_CONF"] = Path.Combine(Directory, "modular.conf"),
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[key] = value;
        }

        var global = new[] { "--root", GraphRoot, "--runroot", RunRoot };
        return Cli.Wrap(RepositoryPaths.Modpod)
            .WithArguments(global.Concat(args))
            .WithEnvironmentVariables(variables)
            .WithValidation(CommandResultValidation.None);
    }

    private static async Task<ModpodResult> Finish(CommandTask<BufferedCommandResult> task)
    {
        var result = await task;
        return new ModpodResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
