using Xunit;

namespace Modular.EndToEnd.Checkpoint;

/// <summary>
/// A fact that needs a working criu and, when <see cref="Runtime"/> is set, a runtime with
/// the checkpoint verb; otherwise it is skipped with the reason, never failed.
/// </summary>
public sealed class CheckpointFactAttribute : FactAttribute
{
    private string? _runtime;

    public CheckpointFactAttribute()
    {
        Skip = CriuHost.CriuProblem;
    }

    public string? Runtime
    {
        get => _runtime;
        set
        {
            _runtime = value;
            if (Skip is null && value is not null && !CriuHost.RuntimeCanCheckpoint(value))
            {
                Skip = $"{value} here has no checkpoint verb (`{value} checkpoint --help` fails): "
                    + "Debian's crun 1.8.1 is built without CRIU";
            }
        }
    }

    /// <summary>For a test of the refusal: skipped where this runtime can checkpoint.</summary>
    public string? RuntimeWithoutVerb
    {
        get => null;
        set
        {
            if (Skip is null && value is not null && CriuHost.RuntimeCanCheckpoint(value))
            {
                Skip = $"{value} here can checkpoint; the refusal cannot be shown";
            }
        }
    }

    /// <summary>For a test of the refusal of pre-dumps: skipped where the kernel tracks dirty memory.</summary>
    public bool WithoutMemoryTracking
    {
        get => false;
        set
        {
            if (Skip is null && value && CriuHost.HasMemoryTracking)
            {
                Skip = "this kernel has soft-dirty tracking; the refusal cannot be shown";
            }
        }
    }
}
