namespace Modular.Plugins.Storage.Overlay;

/// <summary>
/// Random strings from /dev/urandom. Not RandomNumberGenerator: on Linux it loads OpenSSL
/// (libssl, libcrypto, openssl.cnf), which cost every container create tens of
/// milliseconds for one short link name.
/// </summary>
internal static class DeviceRandom
{
    public static string String(string alphabet, int length)
    {
        // Bytes at or above the largest multiple of the alphabet's size are drawn again,
        // so that every character is equally likely.
        var limit = 256 - (256 % alphabet.Length);
        var chars = new char[length];
        using var device = new FileStream("/dev/urandom", FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        var buffer = new byte[length * 2];
        var filled = 0;
        while (filled < length)
        {
            device.ReadExactly(buffer);
            foreach (var b in buffer)
            {
                if (b < limit && filled < length)
                {
                    chars[filled++] = alphabet[b % alphabet.Length];
                }
            }
        }

        return new string(chars);
    }
}
