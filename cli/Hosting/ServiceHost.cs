using Modular.Cli.Commands;

namespace Modular.Cli.Hosting;

/// <summary>
/// The seam between the CLI and the API front end. <c>modpod</c> leaves <see cref="Run"/>
/// null and execs <c>modpod-service</c> for <c>system service</c>; <c>modpod-service</c>
/// sets it before running the same command line. So every other command keeps a start-up
/// without ASP.NET Core, whose framework alone adds measurable time to each process.
/// </summary>
public static class ServiceHost
{
    public static Func<CliContext, ServiceOptions, CancellationToken, Task<int>>? Run { get; set; }
}
