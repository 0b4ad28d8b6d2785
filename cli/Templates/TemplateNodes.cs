// The template syntax tree is kept in one file on purpose: these records are tiny and only
// read together, so splitting them would scatter one grammar over nine files.

namespace Modular.Cli.Templates;

/// <summary>A parsed template node.</summary>
public abstract record TemplateNode;

/// <summary>Literal text copied to the output.</summary>
public sealed record TextNode(string Text) : TemplateNode;

/// <summary><c>{{pipeline}}</c>: prints the pipeline's value unless it declares a variable.</summary>
public sealed record ActionNode(Pipeline Pipeline) : TemplateNode;

/// <summary><c>if</c>, <c>range</c> and <c>with</c> share a shape.</summary>
public sealed record BranchNode(
    string Keyword,
    Pipeline Pipeline,
    IReadOnlyList<TemplateNode> Body,
    IReadOnlyList<TemplateNode> Else) : TemplateNode;

/// <summary>Commands joined by <c>|</c>; optional <c>$a, $b :=</c> declarations.</summary>
public sealed record Pipeline(
    IReadOnlyList<string> Declarations,
    IReadOnlyList<TemplateCommand> Commands,
    int Position);

/// <summary>One command: a function name with arguments, or a single operand.</summary>
public sealed record TemplateCommand(IReadOnlyList<Operand> Operands);

/// <summary>An argument or value inside a command.</summary>
public abstract record Operand(int Position);

public sealed record FieldOperand(string Chain, int Position) : Operand(Position);

public sealed record DotOperand(int Position) : Operand(Position);

public sealed record VariableOperand(string Name, string Chain, int Position) : Operand(Position);

public sealed record IdentifierOperand(string Name, int Position) : Operand(Position);

public sealed record LiteralOperand(object? Value, int Position) : Operand(Position);

public sealed record PipelineOperand(Pipeline Pipeline, string Chain, int Position) : Operand(Position);
