using System.Globalization;

namespace Modular.Cli.Templates;

/// <summary>
/// Builds the node tree from tokens: text, actions, and <c>if</c>/<c>range</c>/<c>with</c>
/// blocks with <c>else</c> (including <c>else if</c>) and <c>end</c>.
/// </summary>
public sealed class TemplateParser(string name, IReadOnlyList<Token> tokens)
{
    private int _index;

    public IReadOnlyList<TemplateNode> Parse()
    {
        var nodes = ParseList(out var stop);
        if (stop is not null)
        {
            throw Error($"unexpected {{{{{stop}}}}}");
        }

        return nodes;
    }

    /// <summary>Parses nodes until EOF or an <c>else</c>/<c>end</c> action, returned in stop.</summary>
    private List<TemplateNode> ParseList(out string? stop)
    {
        var nodes = new List<TemplateNode>();
        stop = null;
        while (Peek.Kind != TokenKind.Eof)
        {
            if (Peek.Kind == TokenKind.Text)
            {
                nodes.Add(new TextNode(Next().Value));
                continue;
            }

            Expect(TokenKind.LeftDelim);
            if (Peek is { Kind: TokenKind.Identifier, Value: "end" or "else" })
            {
                stop = Next().Value;
                return nodes;
            }

            nodes.Add(ParseAction());
        }

        return nodes;
    }

    private TemplateNode ParseAction()
    {
        if (Peek is { Kind: TokenKind.Identifier, Value: "if" or "range" or "with" })
        {
            return ParseBranch(Next().Value);
        }

        if (Peek is { Kind: TokenKind.Identifier, Value: "/*" } || Peek.Kind == TokenKind.RightDelim)
        {
            throw Error("missing value for command");
        }

        var pipeline = ParsePipeline();
        Expect(TokenKind.RightDelim);
        return new ActionNode(pipeline);
    }

    private BranchNode ParseBranch(string keyword)
    {
        var pipeline = ParsePipeline();
        Expect(TokenKind.RightDelim);
        var body = ParseList(out var stop);
        IReadOnlyList<TemplateNode> elseNodes = [];
        if (stop == "else")
        {
            elseNodes = ParseElse(keyword);
        }
        else if (stop == "end")
        {
            Expect(TokenKind.RightDelim);
        }
        else
        {
            throw Error($"unexpected EOF in {keyword}");
        }

        return new BranchNode(keyword, pipeline, body, elseNodes);
    }

    private IReadOnlyList<TemplateNode> ParseElse(string keyword)
    {
        // "else if" chains into a nested if that shares the outer end.
        if (keyword == "if" && Peek is { Kind: TokenKind.Identifier, Value: "if" })
        {
            Next();
            return [ParseBranch("if")];
        }

        Expect(TokenKind.RightDelim);
        var nodes = ParseList(out var stop);
        if (stop != "end")
        {
            throw Error($"expected end; found {stop ?? "EOF"}");
        }

        Expect(TokenKind.RightDelim);
        return nodes;
    }

    private Pipeline ParsePipeline()
    {
        var position = Peek.Position;
        var declarations = ParseDeclarations();
        var commands = new List<TemplateCommand>();
        while (true)
        {
            commands.Add(ParseCommand());
            if (Peek.Kind != TokenKind.Pipe)
            {
                break;
            }

            Next();
        }

        return new Pipeline(declarations, commands, position);
    }

    private List<string> ParseDeclarations()
    {
        var names = new List<string>();
        var save = _index;
        while (Peek.Kind == TokenKind.Variable)
        {
            names.Add(Next().Value);
            if (Peek.Kind == TokenKind.Comma)
            {
                Next();
                continue;
            }

            if (Peek.Kind is TokenKind.Declare or TokenKind.Assign)
            {
                Next();
                return names;
            }

            break;
        }

        _index = save;
        return [];
    }

    private TemplateCommand ParseCommand()
    {
        var operands = new List<Operand>();
        while (Peek.Kind is not (TokenKind.Pipe or TokenKind.RightDelim or TokenKind.RightParen))
        {
            if (Peek.Kind == TokenKind.Eof)
            {
                throw Error("unclosed action");
            }

            operands.Add(ParseOperand());
        }

        if (operands.Count == 0)
        {
            throw Error("missing value for command");
        }

        return new TemplateCommand(operands);
    }

    private Operand ParseOperand()
    {
        var token = Next();
        return token.Kind switch
        {
            TokenKind.Field => new FieldOperand(token.Value, token.Position),
            TokenKind.Dot => new DotOperand(token.Position),
            TokenKind.Variable => Variable(token),
            TokenKind.String => new LiteralOperand(token.Value, token.Position),
            TokenKind.Number => new LiteralOperand(Number(token), token.Position),
            TokenKind.Identifier => Identifier(token),
            TokenKind.LeftParen => SubPipeline(token),
            _ => throw Error($"unexpected \"{token.Value}\" in operand"),
        };
    }

    private static VariableOperand Variable(Token token)
    {
        var dot = token.Value.IndexOf('.', StringComparison.Ordinal);
        return dot < 0
            ? new VariableOperand(token.Value, "", token.Position)
            : new VariableOperand(token.Value[..dot], token.Value[(dot + 1)..], token.Position);
    }

    private static Operand Identifier(Token token) => token.Value switch
    {
        "true" => new LiteralOperand(true, token.Position),
        "false" => new LiteralOperand(false, token.Position),
        "nil" => new LiteralOperand(null, token.Position),
        _ => new IdentifierOperand(token.Value, token.Position),
    };

    private PipelineOperand SubPipeline(Token open)
    {
        var pipeline = ParsePipeline();
        Expect(TokenKind.RightParen);
        var chain = "";
        if (Peek.Kind == TokenKind.Field && Peek.Position == tokens[_index - 1].Position + 1)
        {
            chain = Next().Value;
        }

        return new PipelineOperand(pipeline, chain, open.Position);
    }

    private object Number(Token token)
    {
        if (long.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
        {
            return l;
        }

        if (double.TryParse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        throw Error($"bad number syntax: \"{token.Value}\"");
    }

    private Token Peek => tokens[_index];

    private Token Next() => tokens[_index++];

    private void Expect(TokenKind kind)
    {
        if (Peek.Kind != kind)
        {
            var found = Peek.Kind == TokenKind.Eof ? "EOF" : $"\"{Peek.Value}\"";
            throw Error($"unexpected {found}, expected {kind}");
        }

        Next();
    }

    private TemplateException Error(string message) => new($"template: {name}:1: {message}");
}
