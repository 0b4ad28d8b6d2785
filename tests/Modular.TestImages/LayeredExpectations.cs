namespace Modular.TestImages;

/// <summary>
/// What a container of the layered image must see, as shell checks that print "ok":
/// the whiteout hides data/gone, the opaque marker hides everything older under opaque/,
/// data/hard shares data/target's inode, and both symlinks read the target.
/// </summary>
public static class LayeredExpectations
{
    public const string ShellCheck =
        "test ! -e /data/gone && test \"$(cat /data/kept)\" = kept " +
        "&& test \"$(ls -A /opaque)\" = new " +
        "&& test \"$(stat -c %i /data/hard)\" = \"$(stat -c %i /data/target)\" " +
        "&& test \"$(cat /data/sym)\" = hello && test \"$(cat /data/abs)\" = hello " +
        "&& echo ok";
}
