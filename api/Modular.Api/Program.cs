using Modular.Cli.Hosting;

namespace Modular.Api;

/// <summary>
/// modpod-service parses the same command line as modpod (global flags and
/// <c>system service</c>'s own), then serves instead of exec'ing itself.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args)
    {
        ServiceHost.Run = ApiServer.RunAsync;
        return Modular.Cli.Program.Main(args);
    }
}
