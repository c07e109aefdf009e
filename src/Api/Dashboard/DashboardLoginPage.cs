using System.Security.Cryptography;
using System.Text;

namespace Mimo.Api.Dashboard;

/// <summary>
/// <c>GET /dashboard/login</c>: a page where the operator types the operator key. Its script sends
/// the key once, as a Bearer header, to <c>POST /v1/operator/dashboard-session</c> and opens the
/// dashboard with the session cookie that comes back. The key never goes into a URL (the field has
/// no name, so even a form submitted without the script carries nothing) and is not stored.
/// </summary>
internal static class DashboardLoginPage
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;max-width:30rem;margin:4rem auto;padding:0 1rem}" +
        "input,button{font:inherit;width:100%;box-sizing:border-box;margin:.3rem 0;padding:.4rem}" +
        "#error{color:#b00020}";

    private const string Script = """
        document.getElementById('login').addEventListener('submit', async (event) => {
          event.preventDefault();
          const key = document.getElementById('key');
          const response = await fetch('../v1/operator/dashboard-session', {
            method: 'POST',
            headers: { Authorization: 'Bearer ' + key.value },
          });
          key.value = '';
          if (response.ok) {
            location.assign('./');
            return;
          }
          document.getElementById('error').textContent = response.status === 401 || response.status === 403
            ? 'That is not the operator key.'
            : 'The API answered ' + response.status + '; try again later.';
        });
        """;

    private const string Html = $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Mimo · Orleans dashboard</title>
        <style>{{Style}}</style>
        </head>
        <body>
        <h1>Orleans dashboard</h1>
        <p>Enter the operator key to open the dashboard of this Mimo cluster for a while.</p>
        <form id="login">
        <label for="key">Operator key</label>
        <input id="key" type="password" autocomplete="off" required autofocus>
        <button>Open the dashboard</button>
        </form>
        <p id="error" role="alert"></p>
        <script>{{Script}}</script>
        </body>
        </html>
        """;

    /// <summary>Allows the page's own script and style, a call to this origin, and nothing else.</summary>
    private static readonly string ContentSecurityPolicy =
        $"default-src 'none'; script-src '{Hash(Script)}'; style-src '{Hash(Style)}'; connect-src 'self'; " +
        "form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    public static IResult Serve(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Content(Html, "text/html; charset=utf-8");
    }

    private static string Hash(string inline) =>
        "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));
}
