namespace Modular.Engine.State;

/// <summary>
/// Random bytes from the kernel (/dev/urandom), as Podman takes its ids from crypto/rand.
/// Not RandomNumberGenerator: on Linux that loads OpenSSL (libssl, libcrypto and its
/// config file), tens of milliseconds that every <c>create</c> and <c>run</c> paid for 32 bytes.
/// </summary>
public static class KernelRandom
{
    private const string Device = "/dev/urandom";

    public static byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        using var device = new FileStream(Device, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        device.ReadExactly(bytes);
        return bytes;
    }
}
