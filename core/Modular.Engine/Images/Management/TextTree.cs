using System.Text;

namespace Modular.Engine.Images.Management;

/// <summary>A text tree printed with box-drawing branches, as the gotree package prints Podman's trees.</summary>
internal sealed class TextTree(string text)
{
    private readonly List<TextTree> _children = [];

    public string Text { get; } = text;

    public TextTree Add(string text)
    {
        var child = new TextTree(text);
        _children.Add(child);
        return child;
    }

    public void AddTree(TextTree tree) => _children.Add(tree);

    public string Print()
    {
        var sb = new StringBuilder(Text).Append('\n');
        PrintChildren(sb, "");
        return sb.ToString();
    }

    private void PrintChildren(StringBuilder sb, string prefix)
    {
        for (var i = 0; i < _children.Count; i++)
        {
            var last = i == _children.Count - 1;
            sb.Append(prefix).Append(last ? "└── " : "├── ").Append(_children[i].Text).Append('\n');
            _children[i].PrintChildren(sb, prefix + (last ? "    " : "│   "));
        }
    }
}
