using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Video;
using FaceMesh.Pipeline.Export;
using FaceMesh.Review;

namespace FaceMesh.Cli.Commands;

/// <summary>The one list of failures that mean the user's input is wrong: one <c>error:</c> line and exit code 2, in every command.</summary>
public static class BadInput
{
    public static bool Is(Exception e) => e is InvalidVideoException or InvalidImageException or OutputFolderException or ValidationException
        or InvalidDataException or JsonException or KeyNotFoundException or DatasetNotFoundException;
}
