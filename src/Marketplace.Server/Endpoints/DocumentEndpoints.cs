using System.Security.Cryptography;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Marketplace.Data.Storage;
using Marketplace.Server.Auth;
using Marketplace.Tenders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

public static class DocumentEndpoints
{
    static readonly Refusal
        NotAnUploader = new("document.notAnUploader", "Only the business's Owners and Managers upload its documents."),
        FileName = new("document.fileName", "The file name is required, at most {max} characters."),
        FileType = new("document.fileType", "Accepted files: {types}."),
        Empty = new("document.empty", "The file is empty."),
        NotOfType = new("document.notOfType", "The content is not a {extension} file."),
        NoSuchTenderDocument = new("document.noSuchTenderDocument", "This tender has no document with this id."),
        NotFound = new("document.notFound", "No document has this id."),
        NotUploaded = new("document.notUploaded", "No document uploaded by this business has this id."),
        SealedElsewhere = new("document.sealedElsewhere", "This file is sealed in a bid for another tender: upload it again to use it here.");

    public const long MaxDocumentBytes = 10 * 1024 * 1024;

    /// <summary>The file types tenders and bids carry, by extension, with the bytes each must start with.</summary>
    static readonly Dictionary<string, (string ContentType, byte[] Magic)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "%PDF-"u8.ToArray()),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [0x50, 0x4B, 0x03, 0x04]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [0x50, 0x4B, 0x03, 0x04]),
        [".odt"] = ("application/vnd.oasis.opendocument.text", [0x50, 0x4B, 0x03, 0x04]),
        [".ods"] = ("application/vnd.oasis.opendocument.spreadsheet", [0x50, 0x4B, 0x03, 0x04]),
        // A CAdES signed file (firma digitale), the usual way Italian bids are signed: a DER sequence.
        [".p7m"] = ("application/pkcs7-mime", [0x30]),
    };

    /// <summary>
    /// Upload a file for a business (its Owners and Managers), to attach to a tender or a bid. The body is the
    /// file itself; <c>name</c> is its file name. Files are kept in the database, so they are as durable as what
    /// refers to them.
    /// </summary>
    public static IEndpointRouteBuilder MapDocumentApi(this IEndpointRouteBuilder app)
    {
        // The body declared as a stream: the document calls it binary (the file's bytes as sent), not a base64 string.
        app.MapApiGroup("/api/businesses/{id:guid}", "Documents").MapPost("/documents", Upload).RequireAuthorization().WithName("uploadDocument")
            .Accepts<Stream>("application/octet-stream").ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireRateLimiting(Hosting.RateLimits.Uploads).ProducesProblem(StatusCodes.Status429TooManyRequests);
        app.MapApiGroup("/api/tenders/{id:guid}", "Documents").MapGet("/documents/{documentId:guid}", OfTender).WithName("getTenderDocument");
        return app;
    }

    static async Task<Results<Created<DocumentDto>, ProblemHttpResult>> Upload(
        Guid id, string? name, HttpRequest request, [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock)
    {
        if (await call.Grains.GetGrain<IBusinessGrain>(id).Get() is null) return ProblemResults.NotFound(BusinessState.NotFound);
        if (!await call.Access.Edits(call.User, id, call.Ct)) return Problem.Forbidden(NotAnUploader).ToHttp();
        var fileName = Path.GetFileName(name?.Trim() ?? "");
        if (fileName.Length is 0 or > 200) return Problem.Invalid("name", FileName, ("max", 200)).ToHttp();
        if (!Types.TryGetValue(Path.GetExtension(fileName), out var type))
            return Problem.Invalid("name", FileType, ("types", string.Join(", ", Types.Keys))).ToHttp();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, call.Ct);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) return Problem.Invalid("body", Empty).ToHttp();
        if (!bytes.AsSpan().StartsWith(type.Magic)) return Problem.Invalid("body", NotOfType, ("extension", Path.GetExtension(fileName))).ToHttp();
        var document = new DocumentEntry
        {
            Id = Guid.NewGuid(), OwnerId = id, Name = fileName, ContentType = type.ContentType, Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Content = bytes, UploadedBy = call.User.UserId(), UploadedAt = clock.Now(),
        };
        call.Db.Documents.Add(document);
        await call.Db.SaveChangesAsync(call.Ct);
        return TypedResults.Created($"/api/businesses/{id}/documents/{document.Id}",
            new DocumentDto(document.Id, document.Name, document.ContentType, document.Size, document.Sha256));
    }

    /// <summary>A tender's document, for whoever may see the tender.</summary>
    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> OfTender(
        Guid id, Guid documentId, [AsParameters] ViewerCall call, [FromServices] StateSealer sealer) =>
        await call.Access.Tender(id, call.User) is { } tender && tender.Details.Documents.Any(d => d.Id == documentId)
            ? await Download(documentId, call.Db, sealer, call.Ct) : ProblemResults.NotFound(NoSuchTenderDocument);

    /// <summary>A file's bytes, unsealed when a bid carries it (the caller has checked the reader may see that bid).</summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(Guid documentId, MarketplaceDbContext db, StateSealer sealer, CancellationToken ct) =>
        await Read(documentId, db, sealer, ct) is { } file ? TypedResults.File(file.Bytes, file.ContentType, file.Name) : ProblemResults.NotFound(NotFound);

    /// <summary>A stored file's name, type and bytes (unsealed when a bid sealed it); null when there is none. The caller has decided who may read it.</summary>
    internal static async Task<(string Name, string ContentType, byte[] Bytes)?> Read(Guid documentId, MarketplaceDbContext db, StateSealer sealer, CancellationToken ct)
    {
        if (await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, ct) is not { } file) return null;
        var bytes = file.SealedFor is { } tenderId ? await sealer.UnsealBytes(tenderId, file.Id, file.Content) : file.Content;
        return (file.Name, file.ContentType, bytes);
    }

    /// <summary>
    /// Document ids as the owner's uploaded files; a file of another business is refused like a missing one. For a
    /// bid (<paramref name="sealedFor"/>: its tender), a file already sealed in a bid for another tender is refused too.
    /// </summary>
    internal static async Task<Outcome<DocumentRef[]>> Resolve(Guid[] ids, Guid ownerId, string field, MarketplaceDbContext db, CancellationToken ct,
        Guid? sealedFor = null)
    {
        if (ids.Length == 0) return Array.Empty<DocumentRef>();
        var distinct = ids.Distinct().Take(TenderRules.MaxDocuments + 1).ToList();
        var found = await db.Documents.AsNoTracking().Where(d => distinct.Contains(d.Id) && d.OwnerId == ownerId)
            .Select(d => new { Ref = new DocumentRef(d.Id, d.Name, d.ContentType, d.Size, d.Sha256), d.SealedFor }).ToListAsync(ct);
        for (var i = 0; i < ids.Length; i++)
        {
            if (found.FirstOrDefault(d => d.Ref.Id == ids[i]) is not { } document) return Problem.Invalid($"{field}[{i}]", NotUploaded);
            if (document.SealedFor is { } other && other != sealedFor)
                return Problem.Invalid($"{field}[{i}]", SealedElsewhere);
        }
        return ids.Distinct().Select(x => found.First(d => d.Ref.Id == x).Ref).ToArray();
    }
}
