using CliWrap;
using CliWrap.Buffered;

namespace Modular.Conformance.Network;

/// <summary>Runs ip, iptables-save and busybox for the tests, through CliWrap.</summary>
public static class HostCommand
{
    public static async Task<BufferedCommandResult> RunAsync(string program, params string[] arguments) =>
        await Cli.Wrap(Resolve(program))
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

    public static async Task<string> MustAsync(string program, params string[] arguments)
    {
        var result = await RunAsync(program, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited {result.ExitCode}: {result.StandardError}");
        }

        return result.StandardOutput;
    }

    /// <summary>ip and iptables live in /usr/sbin, which a test runner's PATH may leave out.</summary>
    public static string Resolve(string program) =>
        program.Contains('/')
            ? program
            : new[] { "/usr/sbin", "/usr/bin", "/sbin", "/bin" }
                .Select(dir => Path.Combine(dir, program))
                .FirstOrDefault(File.Exists) ?? program;

    /// <summary>A busybox applet inside a test namespace.</summary>
    public static Task<BufferedCommandResult> InNamespaceAsync(string ns, params string[] busyboxArguments) =>
        RunAsync("ip", ["netns", "exec", ns, "/bin/busybox", .. busyboxArguments]);
}
