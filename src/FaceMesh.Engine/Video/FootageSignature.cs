using System.Text.Unicode;

namespace FaceMesh.Engine.Video;

/// <summary>
/// Files FFmpeg opens but that are not footage, told by their first bytes: text (FFmpeg's "tty" demuxer plays any text
/// file as ANSI art, a few frames long) and still images (the image2 demuxer makes a one-frame video of a photo).
/// Animated GIFs are footage; everything else is left to FFmpeg to accept or refuse.
/// </summary>
public static class FootageSignature
{
    private const int ProbeBytes = 4096;

    private static readonly (string Name, byte?[] Magic)[] Stills =
    [
        ("a JPEG image", [0xFF, 0xD8, 0xFF]),
        ("a PNG image", [0x89, (byte)'P', (byte)'N', (byte)'G']),
        ("a BMP image", [(byte)'B', (byte)'M']),
        ("a TIFF image", [(byte)'I', (byte)'I', 0x2A, 0x00]),
        ("a TIFF image", [(byte)'M', (byte)'M', 0x00, 0x2A]),
        ("a WebP image", [(byte)'R', (byte)'I', (byte)'F', (byte)'F', null, null, null, null, (byte)'W', (byte)'E', (byte)'B', (byte)'P']),
    ];

    /// <summary>What the file is when it is plainly not footage ("text", "a PNG image"); null when it may be footage.</summary>
    public static string? NotFootage(string path)
    {
        var head = new byte[ProbeBytes];
        int length;
        using (var file = File.OpenRead(path))
        {
            length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var bytes = head.AsSpan(0, length);
        foreach (var (name, magic) in Stills)
        {
            if (Starts(bytes, magic))
            {
                return name;
            }
        }

        return IsText(bytes) ? "text" : null;
    }

    private static bool Starts(ReadOnlySpan<byte> bytes, byte?[] magic)
    {
        if (bytes.Length < magic.Length)
        {
            return false;
        }

        for (var i = 0; i < magic.Length; i++)
        {
            if (magic[i] is { } expected && bytes[i] != expected)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Valid UTF-8 with no NUL and hardly any control bytes: every container format has binary fields up front.</summary>
    private static bool IsText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty || bytes.Contains((byte)0))
        {
            return false;
        }

        var control = 0;
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1B))
            {
                control++;
            }
        }

        // A probe can end inside a multi-byte character: judge the bytes up to the last complete one.
        var complete = bytes.Length;
        while (complete > 0 && complete > bytes.Length - 4 && (bytes[complete - 1] & 0xC0) == 0x80)
        {
            complete--;
        }

        if (complete > 0 && bytes[complete - 1] >= 0xC0)
        {
            complete--;
        }

        return control * 50 < bytes.Length && Utf8.IsValid(bytes[..complete]);
    }
}
