namespace FaceMesh.Engine.Detection;

/// <summary>How a picture larger than 1.25 tiles is detected on, at the resolution a tile of <c>TileSize</c> px gives.</summary>
public enum TilingMode
{
    /// <summary>The whole picture in one square run plus one run over it at tile resolution (<see cref="ScaledPass"/>).</summary>
    ScaledPass,

    /// <summary>The whole picture in one square run plus overlapping tiles (<see cref="TilePlanner"/>), merged.</summary>
    Tiles,
}
