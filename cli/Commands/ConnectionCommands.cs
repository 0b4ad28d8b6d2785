using System.CommandLine;
using System.Text.Json.Nodes;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Contracts.Errors;
using Modular.Remote.Connections;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>system connection add|ls|rm|default|rename</c>: the remote destinations, kept in
/// Podman's podman-connections.json so both tools share them.
/// </summary>
public static class ConnectionCommands
{
    private const string DefaultFormat =
        "table {{.Name}}\t{{.URI}}\t{{.Identity}}\t{{.Default}}\t{{.ReadWrite}}";

    private static readonly string[] Fields =
        ["Name", "URI", "Identity", "TLSCA", "TLSCert", "TLSKey", "Default", "ReadWrite"];

    public static Command Group(CliContext context) =>
        new Command("connection", "Manage remote API service destinations").With(
            ConnectionAddCommand.Create(context),
            List(context).Aliased("ls"),
            Remove(context).Aliased("rm"),
            Default(context),
            Rename(context));

    private static Command List(CliContext context)
    {
        var format = Value("--format", "Custom Go template for printing connections", "-f");
        var quiet = Switch("--quiet", "Print only the connection names", "-q");
        return new Command("list", "List destination for the Podman service(s)").With(format, quiet)
            .WithAction(context, "system connection ls", (r, _) =>
            {
                var rows = new ConnectionStore().List();
                if (r.GetValue(quiet))
                {
                    rows.ToList().ForEach(row => context.Out.WriteLine(row.Name));
                    return Task.FromResult(ExitCodes.Success);
                }

                Write(context, rows.Select(Row).ToList(), r.GetValue(format));
                return Task.FromResult(ExitCodes.Success);
            });
    }

    private static void Write(CliContext context, IReadOnlyList<JsonObject> rows, string? format)
    {
        if (JsonOutput.IsJsonFormat(format))
        {
            context.Out.WriteLine(JsonOutput.Array(rows));
            return;
        }

        // Templates see every field, empty when unset; JSON leaves unset ones out, as Go does.
        var complete = rows.Select(row =>
        {
            var copy = (JsonObject)row.DeepClone();
            foreach (var field in Fields.Where(field => !copy.ContainsKey(field)))
            {
                copy[field] = "";
            }

            return copy;
        }).ToList();
        var chosen = ReportFormatter.OrDefault(format, DefaultFormat);
        var formatter = new ReportFormatter("list", Fields.ToDictionary(field => field));
        context.Out.Write(formatter.Render(chosen, complete, Fields, noHeading: false));
    }

    /// <summary>Go's JSON of containers/common's Connection: Destination's fields inline.</summary>
    private static JsonObject Row(Connection connection)
    {
        var row = new JsonObject { ["Name"] = connection.Name, ["URI"] = connection.Destination.URI };
        Optional(row, "Identity", connection.Destination.Identity);
        Optional(row, "TLSCert", connection.Destination.TLSCert);
        Optional(row, "TLSKey", connection.Destination.TLSKey);
        Optional(row, "TLSCA", connection.Destination.TLSCA);
        if (connection.Destination.IsMachine)
        {
            row["IsMachine"] = true;
        }

        row["Default"] = connection.Default;
        row["ReadWrite"] = connection.ReadWrite;
        return row;
    }

    private static void Optional(JsonObject row, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            row[key] = value;
        }
    }

    private static Command Remove(CliContext context)
    {
        var all = Switch("--all", "Remove all connections", "-a");
        var force = new Option<bool>("--force", "-f") { Description = "Ignored: for Docker compatibility", Hidden = true };
        var name = new Argument<string?>("NAME") { Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("remove", "Delete named destination").With(all, force);
        command.Arguments.Add(name);
        return command.WithAction(context, "system connection rm", (r, _) =>
        {
            var target = r.GetValue(name);
            if (target is null == !r.GetValue(all))
            {
                throw new UsageException(r.GetValue(all)
                    ? "when --all is specified you cannot pass any arguments"
                    : "accepts 1 arg(s), received 0");
            }

            new ConnectionStore().Edit(file =>
            {
                if (target is null)
                {
                    file.RemoveAll();
                    file.Default = "";
                    return;
                }

                file.Remove(target);
                file.Default = file.Default == target ? "" : file.Default;
            });
            return Task.FromResult(ExitCodes.Success);
        });
    }

    private static Command Default(CliContext context)
    {
        var name = One("NAME");
        var command = new Command("default", "Set named destination as default");
        command.Arguments.Add(name);
        return command.WithAction(context, "system connection default", (r, _) =>
        {
            var chosen = r.GetValue(name)!;
            new ConnectionStore().Edit(file =>
            {
                file.Default = file.Destinations.ContainsKey(chosen)
                    ? chosen
                    : throw ConnectionStore.NotDefined(chosen);
            });
            return Task.FromResult(ExitCodes.Success);
        });
    }

    private static Command Rename(CliContext context)
    {
        var old = One("OLD");
        var renamed = One("NEW");
        var command = new Command("rename", "Rename \"old\" to \"new\"");
        command.Arguments.Add(old);
        command.Arguments.Add(renamed);
        return command.WithAction(context, "system connection rename", (r, _) =>
        {
            var (from, to) = (r.GetValue(old)!, r.GetValue(renamed)!);
            new ConnectionStore().Edit(file =>
            {
                var destination = file.Destinations.GetValueOrDefault(from)
                    ?? throw ConnectionStore.NotDefined(from);
                file.Remove(from);
                file.Set(to, destination);
                file.Default = file.Default == from ? to : file.Default;
            });
            return Task.FromResult(ExitCodes.Success);
        });
    }
}
