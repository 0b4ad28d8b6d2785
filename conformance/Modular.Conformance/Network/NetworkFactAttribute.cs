namespace Modular.Conformance.Network;

/// <summary>A fact that needs the real network programs; skipped, with the reason, without them.</summary>
public sealed class NetworkFactAttribute : FactAttribute
{
    public NetworkFactAttribute()
    {
        if (RequiredPrograms.MissingReason() is { } reason)
        {
            Skip = reason;
        }
    }
}
