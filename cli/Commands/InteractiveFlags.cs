using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Hosting;
using Modular.Engine.Configuration;

namespace Modular.Cli.Commands;

/// <summary>--detach-keys and --sig-proxy, shared by run, start, attach and exec.</summary>
public sealed class InteractiveFlags
{
    public Option<string?> DetachKeys { get; } = CommandKit.Value(
        "--detach-keys",
        "Key sequence for detaching: ctrl-<value> where <value> is a-z, @, ^, [, \\, ], _; empty turns it off");

    public Option<bool> SigProxy { get; } = new("--sig-proxy")
    {
        Description = "Proxy received signals to the process",
        DefaultValueFactory = _ => true,
    };

    /// <summary>The flag's keys, else containers.conf's detach_keys, as bytes.</summary>
    public byte[] Keys(ParseResult r, CliContext context) => Engine.Containers.DetachKeys.Parse(
        r.GetValue(DetachKeys)
        ?? context.Services.GetService<EngineOptions>()?.DetachKeys
        ?? Engine.Containers.DetachKeys.Default);

    public Command AddTo(Command command) => command.With(DetachKeys, SigProxy);
}
