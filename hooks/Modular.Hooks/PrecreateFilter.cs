using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CliWrap;
using Modular.Contracts.Errors;

namespace Modular.Hooks;

/// <summary>
/// Podman's <c>precreate</c> stage: each hook, in order, gets the proposed spec as JSON on
/// stdin, runs in the bundle directory with only its own <c>env</c>, and prints the spec to
/// use on stdout; the next hook sees that one. A hook that fails, times out or prints
/// something other than a JSON object stops the container, with Podman's wording.
/// </summary>
/// <remarks>
/// argv[0] is the program's path even when <c>args[0]</c> says otherwise: .NET starts a
/// program under its own name. The remaining arguments are passed as given.
/// </remarks>
public static class PrecreateFilter
{
    /// <summary>Runs <paramref name="hooks"/> over <paramref name="spec"/> and returns the result.</summary>
    /// <exception cref="InvalidInputException">A hook failed.</exception>
    public static async Task<JsonObject> RunAsync(
        JsonObject spec,
        IReadOnlyList<OciHook> hooks,
        string bundleDirectory,
        CancellationToken cancellationToken)
    {
        for (var index = 0; index < hooks.Count; index++)
        {
            var output = await RunOneAsync(hooks[index], spec, bundleDirectory, cancellationToken);
            spec = ParseOutput(output, index);
        }

        return spec;
    }

    private static async Task<string> RunOneAsync(
        OciHook hook,
        JsonObject spec,
        string bundleDirectory,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (hook.Timeout is { } seconds)
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        var stdout = new StringBuilder();
        var command = Cli.Wrap(hook.Path)
            .WithArguments(hook.Args.Skip(1))
            .WithWorkingDirectory(bundleDirectory)
            .WithEnvironmentVariables(OnlyHookEnvironment(hook.Env))
            .WithStandardInputPipe(PipeSource.FromString(spec.ToJsonString()))
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout))
            .WithValidation(CommandResultValidation.None);
        try
        {
            var result = await command.ExecuteAsync(timeout.Token);
            return result.ExitCode == 0 ? stdout.ToString()
                : throw Failed($"executing {GoList(hook)}: exit status {result.ExitCode}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failed("context deadline exceeded");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw Failed($"fork/exec {hook.Path}: {e.Message.ToLowerInvariant()}");
        }
    }

    // The hook's environment is its env list and nothing of ours, as in Podman.
    private static Dictionary<string, string?> OnlyHookEnvironment(IReadOnlyList<string> env)
    {
        var variables = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .ToDictionary(name => name, _ => (string?)null, StringComparer.Ordinal);
        foreach (var entry in env)
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            variables[equals < 0 ? entry : entry[..equals]] = equals < 0 ? "" : entry[(equals + 1)..];
        }

        return variables;
    }

    private static JsonObject ParseOutput(string output, int index)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(output);
        }
        catch (JsonException)
        {
            throw Failed($"unmarshal output from config-filter hook {index}: {GoSyntaxError(output)}");
        }

        return node as JsonObject ?? throw Failed(
            $"unmarshal output from config-filter hook {index}: json: cannot unmarshal "
            + $"{GoKind(node)} into Go value of type specs.Spec");
    }

    /// <summary>Go's encoding/json words for the usual bad outputs (text, nothing, cut short).</summary>
    private static string GoSyntaxError(string output)
    {
        var text = output.TrimStart();
        if (text.Length == 0)
        {
            return "unexpected end of JSON input";
        }

        return text[0] is '{' or '[' or '"'
            ? "unexpected end of JSON input"
            : $"invalid character '{text[0]}' looking for beginning of value";
    }

    private static string GoKind(JsonNode? node) => node switch
    {
        JsonArray => "array",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => "string",
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValue => "number",
        _ => "null",
    };

    private static string GoList(OciHook hook) => $"[{string.Join(' ', hook.Args)}]";

    private static InvalidInputException Failed(string message) =>
        new($"setting up OCI Hooks: {message}");
}
