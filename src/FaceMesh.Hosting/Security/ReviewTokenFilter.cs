using FaceMesh.Pipeline.Distributed;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FaceMesh.Hosting.Security;

/// <summary>
/// Guards the Exporter's review pages with the public API tokens. A browser opens <c>/review/{job}/?token=...</c> once:
/// the token moves into an HttpOnly, SameSite=Strict cookie and the address bar loses it. Tools may send
/// <c>Authorization: Bearer</c> instead. A token reaches only the jobs it owns (an admin token every job): another
/// owner's job answers 404, as a job that does not exist.
/// </summary>
public sealed class ReviewTokenFilter(IOptionsMonitor<AuthOptions> auth, Func<HttpContext, Caller, Task<bool>> mayOpen) : IEndpointFilter
{
    public const string Cookie = "facemesh_review";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var query = http.Request.Query["token"].ToString();
        if (query.Length > 0 && Accepted(query))
        {
            http.Response.Cookies.Append(Cookie, query, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = http.Request.IsHttps,
                Path = "/review",
            });
            return Results.Redirect($"{http.Request.PathBase}{http.Request.Path}");
        }

        var header = http.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : http.Request.Cookies[Cookie];
        var caller = presented is null ? null : BearerTokens.Identify(auth.CurrentValue, presented);
        if (caller is null)
        {
            return Results.Text("a token is required: open /review/<job>/?token=<an API token>", "text/plain", statusCode: StatusCodes.Status401Unauthorized);
        }

        return await mayOpen(http, caller) ? await next(context) : Results.NotFound();
    }

    private bool Accepted(string presented) => BearerTokens.Identify(auth.CurrentValue, presented) is not null;
}
