namespace Modular.Engine.Containers.Copy;

/// <summary>An open file descriptor, closed on dispose.</summary>
internal sealed class Descriptor(int value) : IDisposable
{
    public int Value { get; private set; } = value;

    /// <summary>The directory's entries, listed through the descriptor so no path text is re-resolved.</summary>
    public IEnumerable<string> List() =>
        Directory.EnumerateFileSystemEntries($"/proc/self/fd/{Value}")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    public void Dispose()
    {
        if (Value >= 0)
        {
            _ = Syscalls.Close(Value);
            Value = -1;
        }
    }
}
