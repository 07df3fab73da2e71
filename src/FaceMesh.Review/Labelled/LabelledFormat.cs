namespace FaceMesh.Review.Labelled;

/// <summary>Layouts <c>facemesh export</c> writes: torchvision's ImageFolder, YOLO detection, COCO detection.</summary>
public enum LabelledFormat
{
    ImageFolder,
    Yolo,
    Coco,
}
