using System.Runtime.InteropServices;

namespace FaceMesh.Engine.Video;

/// <summary>
/// Sets environment variables that native libraries (OpenCV, FFmpeg) read: on Unix the .NET runtime keeps its own copy
/// of the environment, and <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach the C one.
/// </summary>
public static class NativeEnvironment
{
    public static void Set(string name, string value)
    {
        if (OperatingSystem.IsWindows())
        {
            Environment.SetEnvironmentVariable(name, value);
        }
        else if (SetEnvironment(name, value, overwrite: 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed.");
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnvironment(string name, string value, int overwrite);
}
