using System.Text;
using System.Text.Json.Nodes;

namespace Modular.Cli.Templates;

/// <summary>
/// A small implementation of Go's text/template over System.Text.Json nodes. No .NET
/// library implements Go's template language, and Podman users' --format strings are
/// written in it, so Modular carries its own. Field names are looked up exactly as
/// written (Go field names); the views passed in use Podman's names.
/// </summary>
public sealed class GoTemplate
{
    // Keys whose values are Go maps in Podman's types: a missing key there prints
    // "<no value>" instead of failing as a missing struct field does.
    private static readonly HashSet<string> MapKeys =
        ["Labels", "Annotations", "Attributes", "Options", "Sysctls", "StorageOpt"];

    private readonly IReadOnlyList<TemplateNode> _nodes;

    private GoTemplate(string name, IReadOnlyList<TemplateNode> nodes)
    {
        Name = name;
        _nodes = nodes;
    }

    public string Name { get; }

    /// <summary>Parses a template; throws <see cref="TemplateException"/> on bad syntax.</summary>
    public static GoTemplate Parse(string name, string source)
    {
        var tokens = new TemplateLexer(name, source).Lex();
        var nodes = new TemplateParser(name, tokens).Parse();
        CheckFunctions(name, nodes);
        return new GoTemplate(name, nodes);
    }

    /// <summary>Executes over one value; throws <see cref="TemplateException"/> on failure.</summary>
    public string Execute(JsonNode? data)
    {
        var sb = new StringBuilder();
        var scope = new List<(string Name, JsonNode? Value)> { ("$", data) };
        Walk(_nodes, new Frame(data, true), scope, sb);
        return sb.ToString();
    }

    private void Walk(
        IReadOnlyList<TemplateNode> nodes,
        Frame dot,
        List<(string, JsonNode?)> scope,
        StringBuilder sb)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    sb.Append(text.Text);
                    break;
                case ActionNode action:
                    Act(action, dot, scope, sb);
                    break;
                case BranchNode branch:
                    Branch(branch, dot, scope, sb);
                    break;
            }
        }
    }

    private void Act(
        ActionNode action,
        Frame dot,
        List<(string, JsonNode?)> scope,
        StringBuilder sb)
    {
        var value = EvalPipeline(action.Pipeline, dot, scope);
        if (action.Pipeline.Declarations.Count > 0)
        {
            scope.Add((action.Pipeline.Declarations[0], value.Node));
            return;
        }

        sb.Append(TemplateValues.Print(value.Node));
    }

    private void Branch(
        BranchNode branch,
        Frame dot,
        List<(string, JsonNode?)> scope,
        StringBuilder sb)
    {
        var value = EvalPipeline(branch.Pipeline, dot, scope);
        var mark = scope.Count;
        if (branch.Keyword == "range")
        {
            Range(branch, value, scope, sb);
        }
        else if (TemplateValues.IsTrue(value.Node))
        {
            Declare(branch.Pipeline, scope, null, value.Node);
            Walk(branch.Body, branch.Keyword == "with" ? value : dot, scope, sb);
        }
        else
        {
            Walk(branch.Else, dot, scope, sb);
        }

        scope.RemoveRange(mark, scope.Count - mark);
    }

    private void Range(
        BranchNode branch,
        Frame value,
        List<(string, JsonNode?)> scope,
        StringBuilder sb)
    {
        var items = value.Node switch
        {
            JsonArray a => a.Select((x, i) => ((JsonNode?)JsonValue.Create(i), x)).ToList(),
            JsonObject o => o.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => ((JsonNode?)JsonValue.Create(p.Key), p.Value)).ToList(),
            null => [],
            _ => throw Fail(branch.Pipeline.Position, $"range can't iterate over {TemplateValues.Print(value.Node)}"),
        };
        if (items.Count == 0)
        {
            Walk(branch.Else, value, scope, sb);
            return;
        }

        foreach (var (key, item) in items)
        {
            var mark = scope.Count;
            Declare(branch.Pipeline, scope, key, item);
            Walk(branch.Body, new Frame(item, true), scope, sb);
            scope.RemoveRange(mark, scope.Count - mark);
        }
    }

    private static void Declare(
        Pipeline pipeline,
        List<(string, JsonNode?)> scope,
        JsonNode? key,
        JsonNode? item)
    {
        var names = pipeline.Declarations;
        if (names.Count == 1)
        {
            scope.Add((names[0], item));
        }
        else if (names.Count == 2)
        {
            scope.Add((names[0], key));
            scope.Add((names[1], item));
        }
    }

    private Frame EvalPipeline(Pipeline pipeline, Frame dot, List<(string, JsonNode?)> scope)
    {
        Frame? piped = null;
        foreach (var command in pipeline.Commands)
        {
            piped = EvalCommand(command, dot, scope, piped);
        }

        return piped ?? new Frame(null, false);
    }

    private Frame EvalCommand(
        TemplateCommand command,
        Frame dot,
        List<(string, JsonNode?)> scope,
        Frame? piped)
    {
        var first = command.Operands[0];
        if (first is IdentifierOperand function)
        {
            var args = command.Operands.Skip(1).Select(o => EvalOperand(o, dot, scope).Node).ToList();
            if (piped is not null)
            {
                args.Add(piped.Node);
            }

            return Invoke(function, args);
        }

        if (first is FieldOperand { Chain: var chain } && IsLabelMethod(chain, command, piped))
        {
            return LabelMethod(dot, chain, command.Operands[1], scope);
        }

        if (command.Operands.Count > 1 || piped is not null)
        {
            throw Fail(first.Position, "can't give argument to non-function");
        }

        return EvalOperand(first, dot, scope);
    }

    // Podman's ps and pod ps rows have a Go method Label(name) reading their Labels map:
    // "{{ .Label "x" }}". Rows here are JSON, so that one method is spelled out.
    private static bool IsLabelMethod(string chain, TemplateCommand command, Frame? piped) =>
        (chain == "Label" || chain.EndsWith(".Label", StringComparison.Ordinal))
        && command.Operands.Count == 2 && piped is null;

    private Frame LabelMethod(Frame dot, string chain, Operand argument, List<(string, JsonNode?)> scope)
    {
        var owner = chain == "Label" ? dot : Chain(dot, chain[..^".Label".Length], argument.Position);
        var key = EvalOperand(argument, dot, scope).Node?.ToString() ?? "";
        var value = (owner.Node as JsonObject)?["Labels"] switch
        {
            JsonObject map => map[key]?.ToString(),
            // pod ps rows carry their labels as "k=v,k2=v2" text.
            JsonValue text => text.ToString().Split(',')
                .Select(pair => pair.Split('=', 2))
                .FirstOrDefault(pair => pair[0] == key && pair.Length == 2)?[1],
            _ => null,
        };
        return new Frame(JsonValue.Create(value ?? ""), false);
    }

    private Frame Invoke(IdentifierOperand function, List<JsonNode?> args)
    {
        try
        {
            return new Frame(TemplateFunctions.Call(function.Name, args), false);
        }
        catch (TemplateException e)
        {
            throw Fail(function.Position, $"error calling {function.Name}: {e.Message}");
        }
    }

    private Frame EvalOperand(
        Operand operand,
        Frame dot,
        List<(string, JsonNode?)> scope)
        => operand switch
    {
        DotOperand => dot,
        FieldOperand f => Chain(dot, f.Chain, f.Position),
        VariableOperand v => Chain(new Frame(Lookup(v, scope), v.Name == "$"), v.Chain, v.Position),
        LiteralOperand l => new Frame(TemplateValues.From(l.Value), false),
        PipelineOperand p => Chain(EvalPipeline(p.Pipeline, dot, scope), p.Chain, p.Position),
        IdentifierOperand i => Invoke(i, []),
        _ => throw Fail(operand.Position, "unsupported operand"),
    };

    private JsonNode? Lookup(VariableOperand variable, List<(string Name, JsonNode? Value)> scope)
    {
        for (var i = scope.Count - 1; i >= 0; i--)
        {
            if (scope[i].Name == variable.Name)
            {
                return scope[i].Value;
            }
        }

        throw Fail(variable.Position, $"undefined variable \"{variable.Name}\"");
    }

    private Frame Chain(Frame start, string chain, int position)
    {
        var current = start;
        if (chain.Length == 0)
        {
            return current;
        }

        foreach (var field in chain.Split('.'))
        {
            current = Field(current, field, position);
        }

        return current;
    }

    private Frame Field(Frame current, string field, int position)
    {
        switch (current.Node)
        {
            case JsonObject obj when obj.TryGetPropertyValue(field, out var value):
                return new Frame(value, !MapKeys.Contains(field));
            case JsonObject when current.IsStruct:
                throw Fail(position, $"can't evaluate field {field} in type {Name}");
            case JsonObject or null:
                return new Frame(null, false);
            default:
                throw Fail(position, $"can't evaluate field {field} in type {TypeName(current.Node)}");
        }
    }

    private static string TypeName(JsonNode? node) => node switch
    {
        JsonArray => "[]interface {}",
        JsonValue v when TemplateValues.AsString(v) is not null => "string",
        _ => "interface {}",
    };

    private TemplateException Fail(int position, string message) =>
        new($"template: {Name}:1:{position + 1}: executing \"{Name}\": {message}");

    private static void CheckFunctions(string name, IReadOnlyList<TemplateNode> nodes)
    {
        foreach (var command in nodes.SelectMany(Commands))
        {
            if (command.Operands[0] is IdentifierOperand f && !TemplateFunctions.Exists(f.Name))
            {
                throw new TemplateException($"template: {name}:1: function \"{f.Name}\" not defined");
            }
        }
    }

    private static IEnumerable<TemplateCommand> Commands(TemplateNode node) => node switch
    {
        ActionNode a => PipelineCommands(a.Pipeline),
        BranchNode b => PipelineCommands(b.Pipeline)
            .Concat(b.Body.SelectMany(Commands)).Concat(b.Else.SelectMany(Commands)),
        _ => [],
    };

    private static IEnumerable<TemplateCommand> PipelineCommands(Pipeline pipeline) =>
        pipeline.Commands.Concat(pipeline.Commands
            .SelectMany(c => c.Operands.OfType<PipelineOperand>())
            .SelectMany(p => PipelineCommands(p.Pipeline)));

    /// <summary>A value and whether it stands for a Go struct (missing fields are errors).</summary>
    private sealed record Frame(JsonNode? Node, bool IsStruct);
}
