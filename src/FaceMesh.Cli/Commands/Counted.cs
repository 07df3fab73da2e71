namespace FaceMesh.Cli.Commands;

/// <summary>A count with its noun in the right number: <c>1 person</c>, <c>2 people</c>, <c>1 face</c>.</summary>
public static class Counted
{
    public static string Of(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    public static string People(int count) => Of(count, "person", "people");

    public static string Faces(int count) => Of(count, "face", "faces");

    public static string Frames(int count) => Of(count, "frame", "frames");
}
