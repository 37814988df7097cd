using Marketplace.Businesses;
using Marketplace.Server.Auth;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Hubs;
using Marketplace.Server.OpenData;
using Marketplace.Server.OpenData.Import;
using Marketplace.Server.OpenData.Import.Feeds;
using Marketplace.Server.OpenData.Import.Proposals;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;

namespace Marketplace.Server.Hosting;

public static class MarketplaceRoutes
{
    public const string HubPath = "/hubs/marketplace";

    public static WebApplication MapMarketplace(this WebApplication app)
    {
        app.UseRequestArrival(); // first: nothing the server does before it counts against a bid's receipt time
        app.UseMetricsScrape(); // only on the metrics port, if configured: a scrape needs none of what follows
        app.UseForwardedHeadersIfConfigured(); // all that follows sees the client's own address and scheme
        app.UseExceptionHandler();
        app.UseStatusCodePages(BadRequestProblems.StatusPage);
        app.UseSecurityHeaders();
        app.Use(LimitApiBodies);
        app.UseWebClientFiles();
        app.UseOriginCheck();
        app.UseAuthentication();
        app.Use(SignInSessions.RefuseEndedSessions);
        app.UseRateLimiter(); // after authentication: writes are counted per user
        app.UseAuthorization();

        app.MapOpenApi();
        // Every endpoint's inputs are bounded in one place before any handler runs.
        var api = app.MapGroup("").AddEndpointFilterFactory(InputRules.Refuse);
        api.MapAuthApi();
        api.MapBusinessApi();
        api.MapBusinessQualificationApi();
        api.MapSpaceQualificationApi();
        api.MapBusinessDgueApi();
        api.MapBusinessInvitationApi();
        api.MapFirmBlockApi();
        api.MapSpaceApi();
        api.MapSpaceOutcomeApi();
        api.MapSpaceDashboardChangeApi();
        api.MapSpaceBuyerApi();
        api.MapShowcaseApi();
        api.MapBoardApi();
        api.MapAnnouncementApi();
        api.MapTenderApi();
        api.MapAuditApi();
        api.MapOpenDataApi();
        api.MapOpportunityImportApi();
        api.MapImportFeedApi();
        api.MapOpportunityProposalApi();
        api.MapBidApi();
        api.MapSoccorsoApi();
        api.MapInboxApi();
        api.MapNotificationApi();
        api.MapToDoApi();
        api.MapDocumentApi();
        api.MapBusinessLogoApi();
        api.MapAllianceApi();
        api.MapReteApi();
        api.MapAllianceQualificationApi();
        api.MapJointBidApi();
        api.MapJointBidLendingApi();
        api.MapConversationApi();
        api.MapReportApi();
        api.MapReferenceApi();
        app.MapHub<MarketplaceHub>(HubPath);
        app.MapOperatorDashboard();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = ReadinessAnswer.Write });
        return app;
    }

    // Refuse a declared oversized body before anything reads it; Kestrel's own limit catches undeclared (chunked) ones.
    static Task LimitApiBodies(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            // Uploads are files (a logo a small image); everything else is a small JSON body.
            var path = context.Request.Path.Value!;
            var max = HttpMethods.IsPost(context.Request.Method) && path.EndsWith("/documents", StringComparison.Ordinal) ? DocumentEndpoints.MaxDocumentBytes
                : HttpMethods.IsPut(context.Request.Method) && path.EndsWith(BusinessLogoEndpoints.Path, StringComparison.Ordinal) ? LogoImage.MaxBytes
                : HttpMethods.IsPost(context.Request.Method) && path.EndsWith(OpportunityImportEndpoints.Path, StringComparison.Ordinal) ? OpportunityImportEndpoints.MaxPackageBytes
                : HttpMethods.IsPost(context.Request.Method) && path.EndsWith(OpportunityProposalEndpoints.Path, StringComparison.Ordinal) ? OpportunityProposalEndpoints.MaxProposalBytes
                : WebSetup.MaxApiBodyBytes;
            if (context.Request.ContentLength > max)
                throw new BadHttpRequestException($"The request body is larger than {max} bytes.", StatusCodes.Status413PayloadTooLarge);
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = max;
        }
        return next(context);
    }
}
