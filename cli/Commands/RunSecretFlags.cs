using System.CommandLine;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>--secret</c> of create and run: passed on as typed; the engine parses and resolves it.</summary>
public sealed class RunSecretFlags
{
    /// <summary>For <see cref="Parsing.ArgvSplitter"/>: the flag takes a value.</summary>
    public static readonly string[] ValueFlags = ["--secret"];

    public Option<string[]> Secret { get; } = Values(
        "--secret",
        "Add secret to container (NAME[,type=mount|env][,target=..][,uid=..][,gid=..][,mode=..]); repeatable");

    public Command AddTo(Command command) => command.With(Secret);

    public CreateContainerRequest AddTo(ParseResult r, CreateContainerRequest request) =>
        r.GetValue(Secret) is { Length: > 0 } secrets ? request with { Secrets = secrets } : request;
}
