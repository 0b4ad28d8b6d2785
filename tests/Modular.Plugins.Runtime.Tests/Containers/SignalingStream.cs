using System.Text;

namespace Modular.Plugins.Runtime.Tests.Containers;

/// <summary>A write-only stream that completes a task once a marker has been written to it.</summary>
public sealed class SignalingStream(string marker) : MemoryStream
{
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Seen => _seen.Task;

    public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        await base.WriteAsync(buffer, offset, count, cancellationToken);
        Check();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await base.WriteAsync(buffer, cancellationToken);
        Check();
    }

    public string Text => Encoding.UTF8.GetString(ToArray());

    private void Check()
    {
        if (Text.Contains(marker))
        {
            _seen.TrySetResult();
        }
    }
}
