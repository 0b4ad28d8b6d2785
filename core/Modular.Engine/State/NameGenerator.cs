namespace Modular.Engine.State;

/// <summary>
/// Generated container names, adjective_noun from word lists of our own. Uniqueness is the
/// database's job (a UNIQUE name column); a collision just draws again.
/// </summary>
public static class NameGenerator
{
    private static readonly string[] Adjectives =
    [
        "amber", "brave", "calm", "candid", "clever", "cosy", "crisp", "daring", "eager", "early",
        "fancy", "fierce", "gentle", "glad", "golden", "happy", "hardy", "honest", "jolly", "keen",
        "kind", "lively", "lucky", "mellow", "merry", "modest", "nimble", "noble", "patient", "plucky",
        "polite", "proud", "quick", "quiet", "rapid", "ready", "rustic", "serene", "sharp", "shiny",
        "silent", "sleek", "smooth", "snug", "solid", "steady", "sturdy", "sunny", "swift", "tidy",
        "upbeat", "vivid", "warm", "wise", "witty", "zealous", "bold", "breezy", "cheerful", "dapper",
    ];

    private static readonly string[] Nouns =
    [
        "otter", "heron", "badger", "falcon", "lynx", "marten", "osprey", "puffin", "raven", "salmon",
        "beaver", "bison", "condor", "dolphin", "ferret", "gecko", "hare", "ibis", "jackal", "kestrel",
        "lemur", "magpie", "newt", "ocelot", "panda", "quail", "robin", "stoat", "tapir", "urchin",
        "vole", "walrus", "yak", "zebra", "anchor", "beacon", "canyon", "delta", "ember", "fjord",
        "glacier", "harbor", "island", "jetty", "kettle", "lantern", "meadow", "nebula", "orchard", "prairie",
        "quarry", "ridge", "summit", "tundra", "valley", "willow", "comet", "meteor", "pebble", "spruce",
    ];

    public static string Next() => $"{Adjectives[Below(Adjectives.Length)]}_{Nouns[Below(Nouns.Length)]}";

    /// <summary>A new container id: 64 lowercase hex digits.</summary>
    public static string NewId() => Convert.ToHexStringLower(KernelRandom.Bytes(32));

    // The lists are 60 words long: a byte mod 60 would favour the first 16 words, so
    // bytes of 240 and above are drawn again.
    private static int Below(int count)
    {
        var limit = 256 - (256 % count);
        while (true)
        {
            var value = KernelRandom.Bytes(1)[0];
            if (value < limit)
            {
                return value % count;
            }
        }
    }
}
