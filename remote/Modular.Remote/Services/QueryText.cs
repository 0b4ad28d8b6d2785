namespace Modular.Remote.Services;

/// <summary>A path with its query parameters, escaped; parameters without a value are left out.</summary>
internal sealed class QueryText(string path)
{
    private readonly List<string> _pairs = [];

    public QueryText Add(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _pairs.Add(key + "=" + LibpodClient.Escape(value));
        }

        return this;
    }

    public QueryText Add(string key, bool value) => Add(key, value ? "true" : "false");

    public QueryText AddAll(string key, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            Add(key, value);
        }

        return this;
    }

    public override string ToString() => _pairs.Count == 0 ? path : path + "?" + string.Join('&', _pairs);
}
