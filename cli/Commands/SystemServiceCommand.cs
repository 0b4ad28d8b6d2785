using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>system service [URI]</c>: the REST API (Docker-compatible and libpod trees).</summary>
public static class SystemServiceCommand
{
    /// <summary>The API front end's program, published next to modpod.</summary>
    public const string ServiceProgram = "modpod-service";

    public static Command Create(CliContext context)
    {
        // Every word is taken, so a second one gets Podman's (cobra's) words, not the parser's.
        var uri = Names("URI");
        var time = Number("--time", "Seconds without a request before the service ends (0: never)", "-t");
        var cors = Value("--cors", "Value of Access-Control-Allow-Origin on every answer");
        var cert = Value("--tls-cert", "PEM certificate for tcp:// (with --tls-key)");
        var key = Value("--tls-key", "PEM private key of --tls-cert");
        var clientCa = Value("--tls-client-ca", "PEM CA bundle that client certificates must chain to");
        var command = new Command("service", "Serve the REST API on a socket until idle");
        command.Arguments.Add(uri);
        command.With(time, cors, cert, key, clientCa);
        return command.WithAction(context, "system service", async (r, cancellationToken) =>
        {
            var given = r.GetValue(uri)!;
            if (given.Length > 1)
            {
                throw new UsageException($"accepts at most 1 arg(s), received {given.Length}");
            }

            var options = new ServiceOptions(
                given.FirstOrDefault(),
                r.GetValue(time) ?? 5,
                r.GetValue(cors),
                r.GetValue(cert),
                r.GetValue(key),
                r.GetValue(clientCa));
            if (ServiceHost.Run is { } run)
            {
                return await run(context, options, cancellationToken);
            }

            // Same command line, other program: modpod-service parses it exactly as here.
            var program = Path.Combine(AppContext.BaseDirectory, ServiceProgram);
            throw ProcessImage.Replace(program, Environment.GetCommandLineArgs()[1..]);
        });
    }
}
