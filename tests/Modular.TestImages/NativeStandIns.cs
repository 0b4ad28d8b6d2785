using CliWrap;
using CliWrap.Buffered;

namespace Modular.TestImages;

/// <summary>
/// Stand-ins that cannot be shell scripts, compiled from this project's own C sources
/// (Native/) with the host's gcc into static binaries. Without gcc the image keeps
/// busybox's applet and says so on stderr.
/// </summary>
public static class NativeStandIns
{
    /// <summary>
    /// ping that uses an ICMP datagram socket without CAP_NET_RAW, as the busybox of Podman's
    /// test image does (Native/ping.c says why); null when it cannot be built here.
    /// </summary>
    public static Task<byte[]?> PingAsync(CancellationToken cancellationToken = default) =>
        CompileAsync("ping", cancellationToken);

    private static async Task<byte[]?> CompileAsync(string name, CancellationToken cancellationToken)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Native", name + ".c");
        var work = Directory.CreateTempSubdirectory("modular-testimages-");
        try
        {
            var output = Path.Combine(work.FullName, name);
            var result = await Cli.Wrap("gcc")
                .WithArguments(["-static", "-Os", "-s", "-o", output, source])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken);
            if (result.ExitCode != 0)
            {
                await Console.Error.WriteLineAsync($"warning: {name} stand-in not built: {result.StandardError.Trim()}");
                return null;
            }

            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            await Console.Error.WriteLineAsync($"warning: {name} stand-in not built (no gcc): {e.Message}");
            return null;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
