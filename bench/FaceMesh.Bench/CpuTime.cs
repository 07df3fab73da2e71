using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FaceMesh.Bench;

/// <summary>CPU time of this process plus that of the child processes it has waited for (the ffmpeg commands that decode).</summary>
internal static class CpuTime
{
    private const int ChildrenOfThisProcess = -1;

    public static TimeSpan OfThisProcessAndItsCommands()
    {
        var children = OperatingSystem.IsLinux() && GetResourceUsage(ChildrenOfThisProcess, out var usage) == 0
            ? TimeSpan.FromSeconds(usage.UserSeconds + usage.SystemSeconds + ((usage.UserMicroseconds + usage.SystemMicroseconds) / 1e6))
            : TimeSpan.Zero;
        return Process.GetCurrentProcess().TotalProcessorTime + children;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);

    /// <summary>Linux's <c>struct rusage</c> on 64-bit: two <c>struct timeval</c> (read here), then 14 longs.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 18 * sizeof(long))]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }
}
