using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FaceMesh.Infrastructure.Security;

/// <summary>
/// Guards the Exporter's review pages with the public API tokens. A browser opens <c>/review/{job}/?token=...</c> once:
/// the token moves into an HttpOnly, SameSite=Strict cookie and the address bar loses it. Tools may send
/// <c>Authorization: Bearer</c> instead.
/// </summary>
public sealed class ReviewTokenFilter(IOptionsMonitor<AuthOptions> auth) : IEndpointFilter
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
        return presented is not null && Accepted(presented)
            ? await next(context)
            : Results.Text("a token is required: open /review/<job>/?token=<an API token>", "text/plain", statusCode: StatusCodes.Status401Unauthorized);
    }

    private bool Accepted(string presented) => BearerTokens.Accepts(auth.CurrentValue.Tokens, presented);
}
