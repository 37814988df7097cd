using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Marketplace.Server.Auth;

/// <summary>
/// Operation ids for the endpoints <c>MapIdentityApi</c> maps: they cannot take <c>WithName</c>, so the generated
/// client's names for them are given here, by method and path.
/// </summary>
public sealed class IdentityOperationIds : IOpenApiOperationTransformer
{
    static readonly Dictionary<(string Method, string Path), string> Ids = new()
    {
        [("POST", "api/auth/login")] = "login",
        [("POST", "api/auth/refresh")] = "refresh",
        [("GET", "api/auth/confirmEmail")] = "confirmEmail",
        [("POST", "api/auth/resendConfirmationEmail")] = "resendConfirmationEmail",
        [("POST", "api/auth/forgotPassword")] = "forgotPassword",
        [("POST", "api/auth/resetPassword")] = "resetPassword",
        [("POST", "api/auth/manage/2fa")] = "manageTwoFactor",
        [("GET", "api/auth/manage/info")] = "getAccountInfo",
        [("POST", "api/auth/manage/info")] = "editAccountInfo",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (Ids.TryGetValue((context.Description.HttpMethod ?? "", context.Description.RelativePath ?? ""), out var id))
            operation.OperationId = id;
        return Task.CompletedTask;
    }
}
