using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Errors;
using Modular.Contracts.Plugins;
using Modular.Engine.Plugins;
using Xunit;

namespace Modular.Engine.Tests.Plugins;

public sealed class ContractsVersionTests : IDisposable
{
    private readonly PluginFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public void The_version_constant_is_the_one_the_project_and_package_carry()
    {
        var assembly = typeof(ContractsVersion).Assembly;

        var metadata = assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ContractsVersion").Value;
        var informational = assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.Equal(ContractsVersion.Current, metadata);
        Assert.StartsWith(ContractsVersion.Current, informational);
        Assert.Equal($"{ContractsVersion.Major}.{ContractsVersion.Minor}.",
            ContractsVersion.Current[..(ContractsVersion.Current.LastIndexOf('.') + 1)]);
        Assert.Equal(ContractsVersion.Major, assembly.GetName().Version!.Major);
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("0.1")]
    [InlineData("2.3.1")]
    public async Task A_selected_runtime_built_for_another_major_fails_with_one_line_naming_both(
        string builtFor)
    {
        _folders.AddManifestOnly("runtime-future", "runtime", "future", builtFor);
        _folders.SelectRuntime("future");
        await using var host = _folders.CreateHost();

        var error = Assert.Throws<BackendException>(
            () => host.Services.GetRequiredService<IRuntimeRegistry>().Get("future"));

        Assert.Equal(
            $"runtime plugin \"future\" was built for contracts {builtFor}, this engine has "
            + $"{ContractsVersion.Current}: incompatible major version",
            error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task An_unselected_plugin_for_another_major_is_listed_as_skipped_and_others_load()
    {
        _folders.InstallRecordingPlugin();
        _folders.AddManifestOnly("storage-future", "storage", "future", "2.0");
        _folders.SelectRuntime("recording");
        await using var host = _folders.CreateHost();
        var plugins = host.Services.GetRequiredService<PluginHost>();

        var runtime = host.Services.GetRequiredService<IRuntimeRegistry>().Get("recording");

        Assert.Equal("recording", runtime.Id);
        var skipped = Assert.Single(plugins.Statuses(), s => s.Id == "future");
        Assert.Equal(("storage", "skipped"), (skipped.Kind, skipped.Status));
        Assert.Contains("built for contracts 2.0, this engine has 1.0.0", skipped.Reason);
    }

    [Theory]
    [InlineData("1.0", null)]
    [InlineData("1.0.7", null)]
    [InlineData("1.1", "it needs a newer engine")]
    [InlineData("one", "is not major.minor[.patch]")]
    public void Same_major_and_no_newer_minor_is_compatible(string builtFor, string? refusal)
    {
        var reason = ContractsCompatibility.Refusal("runtime", "x", builtFor);

        if (refusal is null)
        {
            Assert.Null(reason);
        }
        else
        {
            Assert.EndsWith(refusal, reason);
        }
    }

    [Fact]
    public void The_in_tree_plugins_reference_the_current_contracts_major()
    {
        var recording = Path.Combine(
            AppContext.BaseDirectory.Replace(
                $"{Path.DirectorySeparatorChar}Modular.Engine.Tests{Path.DirectorySeparatorChar}",
                $"{Path.DirectorySeparatorChar}Modular.Plugins.Runtime.Recording{Path.DirectorySeparatorChar}"),
            "Modular.Plugins.Runtime.Recording.dll");

        Assert.Null(ContractsCompatibility.AssemblyRefusal("runtime", "recording", recording));
    }
}
