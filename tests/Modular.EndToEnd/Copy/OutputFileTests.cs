using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Copy;

/// <summary>
/// Commands writing a file the user names (export -o, save -o, cp to the host) say which
/// file they could not create, in Podman's words, never showing their own temp file.
/// </summary>
[Collection(Collections.Containers)]
public sealed class OutputFileTests(ModpodFixture modpod)
{
    private const string Missing = "/nonexistdir-modpod-test/x.tar";

    [Fact]
    public async Task Export_to_a_missing_directory_names_the_file()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync("create", "--name", "of-export", "--network", "none", image, "true"));

            var export = await modpod.RunAsync("export", "of-export", "-o", Missing);
            var missingContainer = await modpod.RunAsync("export", "of-nocontainer", "-o", Missing);

            ModpodAssert.Exit(125, export);
            Assert.Equal(
                $"Error: creating file \"{Missing}\": open {Missing}: no such file or directory",
                export.StandardError.Trim());
            Assert.Equal(
                "Error: no container with name or ID \"of-nocontainer\" found: no such container",
                missingContainer.StandardError.Trim());
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "of-export");
        }
    }

    [Fact]
    public async Task Save_to_a_missing_directory_names_the_file()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var save = await modpod.RunAsync("save", "-o", Missing, image);

        ModpodAssert.Exit(125, save);
        Assert.Equal(
            $"Error: opening file \"{Missing}\": open {Missing}: no such file or directory",
            save.StandardError.Trim());
    }

    [Fact]
    public async Task Cp_to_a_missing_host_directory_names_it()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync("create", "--name", "of-cp", "--network", "none", image, "true"));

            var cp = await modpod.RunAsync("cp", "of-cp:/etc/passwd", "/nonexistdir-modpod-test/x/y");

            ModpodAssert.Exit(125, cp);
            Assert.Single(cp.ErrorLines);
            Assert.DoesNotContain(".tmp", cp.StandardError, StringComparison.Ordinal);
            Assert.Contains("/nonexistdir-modpod-test/x", cp.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "of-cp");
        }
    }

    [Fact]
    public async Task Volume_export_to_a_missing_directory_names_the_file()
    {
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync("volume", "create", "of-vol"));

            var export = await modpod.RunAsync("volume", "export", "of-vol", "-o", Missing);
            var missingVolume = await modpod.RunAsync("volume", "export", "of-novol", "-o", Missing);

            ModpodAssert.Exit(125, export);
            Assert.Equal(
                $"Error: could not create tarball file '{Missing}': open {Missing}: no such file or directory",
                export.StandardError.Trim());
            ModpodAssert.Exit(125, missingVolume);
            Assert.Contains("of-novol", missingVolume.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain("tarball", missingVolume.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            await modpod.RunAsync("volume", "rm", "-f", "of-vol");
        }
    }
}
