using System.CommandLine;
using System.Text.RegularExpressions;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Remote.Connections;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>system connection add NAME DESTINATION</c>, with Podman's checks per scheme.
/// Limitation: an ssh:// destination is recorded as given; Podman also logs in to read the
/// socket path when none is given, modpod asks for the path (or --socket-path) instead.
/// </summary>
public static class ConnectionAddCommand
{
    public static Command Create(CliContext context)
    {
        var port = Number("--port", "SSH port number for destination", "-p");
        var identity = Value("--identity", "path to SSH identity file");
        var socketPath = Value("--socket-path", "path to podman socket on remote host");
        var isDefault = Switch("--default", "Set connection to be default", "-d");
        var args = Names("NAME DESTINATION");
        var command = new Command("add", "Record destination for the Podman service")
            .With(port, identity, socketPath, isDefault, args);
        return command.WithAction(context, "system connection add", (r, _) =>
        {
            var given = r.GetValue(args)!;
            if (given.Length != 2)
            {
                // cobra.ExactArgs(2)'s text, as Podman prints it.
                throw new UsageException($"accepts 2 arg(s), received {given.Length}");
            }

            var uri = Destination(given[1], r.GetValue(port), r.GetValue(socketPath));
            Check(uri, r.GetValue(identity) is not null, r.GetValue(socketPath) is not null, context);
            var chosen = given[0];
            var record = new Destination(Text(uri), Identity(r.GetValue(identity)));
            new ConnectionStore().Edit(file =>
            {
                file.Set(chosen, record);
                if (r.GetValue(isDefault) || file.Default.Length == 0)
                {
                    file.Default = chosen;
                }
            });
            return Task.FromResult(ExitCodes.Success);
        });
    }

    private static Uri Destination(string text, int? port, string? socketPath)
    {
        // A bare [user@]host means ssh, as in Podman.
        if (!Regex.IsMatch(text, "^[A-Za-z][A-Za-z0-9+.-]*://"))
        {
            text = "ssh://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw new InvalidInputException($"invalid destination: \"{text}\"");
        }

        var builder = new UriBuilder(uri);
        if (socketPath is not null)
        {
            builder.Path = socketPath;
        }

        if (uri.Scheme == "ssh" && uri.Port <= 0)
        {
            builder.Port = port ?? 22;
        }

        return builder.Uri;
    }

    private static void Check(Uri uri, bool identity, bool socketPath, CliContext context)
    {
        switch (uri.Scheme)
        {
            case "ssh" when uri.AbsolutePath.Length <= 1:
                throw new InvalidInputException(
                    "an ssh destination needs the socket path (ssh://user@host/path or --socket-path)");
            case "unix" when identity:
                throw new InvalidInputException("--identity option not supported for unix scheme");
            case "unix":
                WarnIfNotSocket(uri.AbsolutePath, context);
                break;
            case "tcp" when socketPath:
                throw new InvalidInputException("--socket-path option not supported for tcp scheme");
            case "tcp" when identity:
                throw new InvalidInputException("--identity option not supported for tcp scheme");
            case "tcp" when uri.IsDefaultPort || uri.Port <= 0:
                throw new InvalidInputException("tcp scheme requires a port either via --port or in destination URL");
            case "ssh" or "tcp":
                break;
            default:
                context.Error.WriteLine($"WARN[0000] \"{uri.Scheme}\" unknown scheme, no validation provided");
                break;
        }
    }

    // Limitation: Podman also refuses a path that exists but is no socket; modpod only warns
    // about a missing one, which is what an unstarted service looks like.
    private static void WarnIfNotSocket(string path, CliContext context)
    {
        if (!File.Exists(path))
        {
            context.Error.WriteLine($"WARN[0000] \"{path}\" does not exist");
        }
    }

    // Uri.ToString adds a "/" to a URI without a path; Podman keeps tcp://host:port as typed.
    private static string Text(Uri uri)
    {
        if (uri.Scheme == "unix")
        {
            // .NET writes a hostless unix URI as unix:/path; Podman stores unix:///path.
            return "unix://" + Uri.UnescapeDataString(uri.AbsolutePath);
        }

        var text = uri.ToString();
        return uri.AbsolutePath == "/" && text.EndsWith('/') ? text[..^1] : text;
    }

    private static string? Identity(string? path) =>
        string.IsNullOrEmpty(path) ? null : Path.GetFullPath(path);
}
