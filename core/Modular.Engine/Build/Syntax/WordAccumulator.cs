using System.Text;

namespace Modular.Engine.Build.Syntax;

/// <summary>Collects the words of a scan; splitting characters end a word when splitting.</summary>
internal sealed class WordAccumulator(bool splitWords)
{
    private readonly List<string> _words = [];
    private readonly StringBuilder _current = new();
    private bool _inWord;

    /// <summary>A character that is part of a word whatever it is (quoted, escaped).</summary>
    public void AddRaw(char ch)
    {
        _current.Append(ch);
        _inWord = true;
    }

    public void AddRaw(string text)
    {
        foreach (var ch in text)
        {
            AddRaw(ch);
        }
    }

    /// <summary>An unquoted character: whitespace separates words when splitting.</summary>
    public void AddSplitting(char ch)
    {
        if (splitWords && char.IsWhiteSpace(ch))
        {
            EndWord();
            return;
        }

        AddRaw(ch);
    }

    public void AddSplitting(string text)
    {
        foreach (var ch in text)
        {
            AddSplitting(ch);
        }
    }

    public List<string> Finish()
    {
        EndWord();
        if (!splitWords && _words.Count == 0)
        {
            _words.Add("");
        }

        return _words;
    }

    private void EndWord()
    {
        if (_inWord)
        {
            _words.Add(_current.ToString());
        }

        _current.Clear();
        _inWord = false;
    }
}
