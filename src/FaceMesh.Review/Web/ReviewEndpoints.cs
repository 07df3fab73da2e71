using System.Reflection;
using FaceMesh.Review;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FaceMesh.Review.Web;

/// <summary>
/// The review page and its API under <c>prefix</c> ("" for <c>facemesh review</c>, <c>/review/{job}</c> in the
/// Exporter). Only three embedded files, the state, portraits by face id and actions are served: no path from a request
/// ever reaches the file system or the bucket.
/// </summary>
public static class ReviewEndpoints
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <param name="guard">Runs before anything else, even before a session is looked up (the Exporter's token check).</param>
    public static RouteGroupBuilder MapReview(this IEndpointRouteBuilder routes, string prefix, Func<HttpContext, ReviewSession?> sessions, IEndpointFilter? guard = null)
    {
        var group = routes.MapGroup(prefix);
        if (guard is not null)
        {
            group.AddEndpointFilter(guard);
        }

        group.AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-store";
            if (sessions(context.HttpContext) is null)
            {
                return Results.NotFound();
            }

            try
            {
                return await next(context);
            }
            catch (DatasetNotFoundException e)
            {
                return Results.NotFound(new { error = e.Message });
            }
            catch (InvalidDataException e)
            {
                return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status500InternalServerError);
            }
        });

        // The page addresses everything relatively, so it must be loaded from an address ending in '/'.
        group.MapGet("/", (HttpContext http) => http.Request.Path.Value?.EndsWith('/') == true
            ? Asset("index.html", "text/html; charset=utf-8")
            : Results.Redirect($"{http.Request.PathBase}{http.Request.Path}/{http.Request.QueryString}"));
        group.MapGet("/review.js", () => Asset("review.js", "text/javascript; charset=utf-8"));
        group.MapGet("/review.css", () => Asset("review.css", "text/css; charset=utf-8"));
        group.MapGet("/favicon.svg", () => Asset("favicon.svg", "image/svg+xml"));
        group.MapGet("/api/state", async (HttpContext http, bool? reload) =>
        {
            var session = sessions(http)!;
            var review = await session.GetAsync(reload ?? false, http.RequestAborted);
            return Results.Bytes(ReviewStateJson.Serialize(session.Title, review), "application/json");
        });
        group.MapGet("/faces/{faceId}.jpg", async (HttpContext http, string faceId) =>
            await sessions(http)!.PortraitAsync(faceId, http.RequestAborted) is { } jpeg ? Results.Bytes(jpeg, "image/jpeg") : Results.NotFound());
        group.MapGet("/frames/{faceId}.jpg", async (HttpContext http, string faceId) =>
            await sessions(http)!.FrameAsync(faceId, http.RequestAborted) is { } jpeg ? Results.Bytes(jpeg, "image/jpeg") : Results.NotFound());
        group.MapPost("/api/actions", async (HttpContext http, ReviewAction action) =>
        {
            var session = sessions(http)!;
            try
            {
                var review = await session.ApplyAsync(current => ReviewActions.Apply(current, action), http.RequestAborted);
                return Results.Bytes(ReviewStateJson.Serialize(session.Title, review), "application/json");
            }
            catch (ReviewException e)
            {
                return Results.BadRequest(new { error = e.Message });
            }
        });
        group.MapPost("/api/split-preview", async (HttpContext http, ReviewAction action) =>
        {
            var review = await sessions(http)!.GetAsync(cancellationToken: http.RequestAborted);
            try
            {
                var parts = ReviewCommands.SplitParts(review, action.Person ?? string.Empty, action.Eps ?? review.Manifest.Parameters.Eps);
                return Results.Ok(new { parts = parts.Select(p => p.Select(i => review.Manifest.Faces[i].Id)) });
            }
            catch (ReviewException e)
            {
                return Results.BadRequest(new { error = e.Message });
            }
        });
        return group;
    }

    private static IResult Asset(string name, string contentType)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"review/{name}")
            ?? throw new InvalidOperationException($"review/{name} is not embedded");
        return Results.Stream(stream, contentType);
    }
}
