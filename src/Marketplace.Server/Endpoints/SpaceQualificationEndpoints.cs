using Marketplace.Qualifications;
using Marketplace.Server.Auth;
using Marketplace.Spaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Server.Endpoints;

/// <summary>The firm's qualifications as the admin read them: <see cref="Version"/> is the business's version they check.</summary>
public sealed record VouchQualificationRequest(int? Version);

/// <summary>
/// A space's admins read a member firm's SOA attestations and figures and mark each as checked against its document
/// (the association vouches for it), or withdraw the mark. The rules, who may and what, are the membership grain's.
/// </summary>
public static class SpaceQualificationEndpoints
{
    public static IEndpointRouteBuilder MapSpaceQualificationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/spaces", "Spaces").RequireAuthorization();
        api.MapGet("/{id:guid}/firms/{firmId:guid}/qualifications", Get).WithName("getMemberQualifications");
        api.MapPost("/{id:guid}/firms/{firmId:guid}/qualifications/attestations/{category}/vouch", VouchAttestation).WithName("vouchForAttestation");
        api.MapDelete("/{id:guid}/firms/{firmId:guid}/qualifications/attestations/{category}/vouch", WithdrawAttestation).WithName("withdrawAttestationVouch");
        api.MapPost("/{id:guid}/firms/{firmId:guid}/qualifications/figures/vouch", VouchFigures).WithName("vouchForFigures");
        api.MapDelete("/{id:guid}/firms/{firmId:guid}/qualifications/figures/vouch", WithdrawFigures).WithName("withdrawFiguresVouch");
        return app;
    }

    static Task<Results<Ok<FirmQualificationsDto>, ProblemHttpResult>> Get(Guid id, Guid firmId, [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock) =>
        Respond(call.Grains.Membership(id, firmId).Qualifications(call.User.UserId()), call, clock);

    static Task<Results<Ok<FirmQualificationsDto>, ProblemHttpResult>> VouchAttestation(
        Guid id, Guid firmId, string category, VouchQualificationRequest body, [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock) =>
        Vouch(id, firmId, Category(category), body, call, clock);

    static Task<Results<Ok<FirmQualificationsDto>, ProblemHttpResult>> VouchFigures(
        Guid id, Guid firmId, VouchQualificationRequest body, [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock) =>
        Vouch(id, firmId, null, body, call, clock);

    static Task<Results<Ok<FirmQualificationsDto>, ProblemHttpResult>> WithdrawAttestation(
        Guid id, Guid firmId, string category, [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock) =>
        Respond(call.Grains.Membership(id, firmId).WithdrawQualificationVouch(call.User.UserId(), Category(category)), call, clock);

    static Task<Results<Ok<FirmQualificationsDto>, ProblemHttpResult>> WithdrawFigures(
        Guid id, Guid firmId, [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock) =>
        Respond(call.Grains.Membership(id, firmId).WithdrawQualificationVouch(call.User.UserId(), null), call, clock);

    static async Task<Results<Ok<FirmQualificationsDto>, ProblemHttpResult>> Vouch(
        Guid id, Guid firmId, string? category, VouchQualificationRequest body, ViewerCall call, MarketplaceClock clock) =>
        body.Version is not { } version ? ProblemResults.Required("version")
        : await Respond(call.Grains.Membership(id, firmId).VouchQualification(new VouchQualification(call.User.UserId(), version, category)), call, clock);

    /// <summary>Categories are stored as the law writes them (OS30); a link may carry them in any case.</summary>
    static string Category(string category) => category.Trim().ToUpperInvariant();

    /// <summary>The admin reads the firm's qualifications with their own space's checks that hold now, and may check each.</summary>
    static async Task<Results<Ok<FirmQualificationsDto>, ProblemHttpResult>> Respond(Task<Outcome<MemberQualifications>> command, ViewerCall call, MarketplaceClock clock)
    {
        var outcome = await command;
        if (outcome.Problem is { } no) return no.ToHttp();
        var read = outcome.Value!;
        var name = (await call.Spaces.Names([read.SpaceId])).GetValueOrDefault(read.SpaceId, "");
        var checks = read.Vouches.Where(v => QualificationDigests.Holds(v, read.Qualifications))
            .Select(v => new QualificationCheckDto(v.Category, read.SpaceId, name, v.At)).ToArray();
        return TypedResults.Ok(BusinessQualificationEndpoints.Dto(read.FirmId, read.Qualifications, read.Version, clock, checks) with { CanCheck = true });
    }
}
