using System.Text.Json.Serialization;
using Marketplace.Businesses;
using Marketplace.Tenders;

namespace Marketplace.Alliances;

/// <summary>A firm as an alliance command needs to judge it: the business (null when none has the id) and whether it is a member of the alliance's space.</summary>
public sealed record AllianceFirm(Guid FirmId, BusinessSnapshot? Business, bool InSpace);

/// <summary>The stored state of an alliance, with the rules of its membership and agreement.</summary>
public sealed class AllianceState
{
    public const int MinName = 3, MaxName = 120, MaxAgreement = 20_000, MaxReason = 1000, MaxFirms = 30;

    public Guid Id { get; set; }
    public Guid SpaceId { get; set; }
    public Guid? TenderId { get; set; }
    public string Name { get; set; } = "";
    public List<AllianceMember> Members { get; set; } = [];
    public List<AllianceAgreement> Agreements { get; set; } = [];
    public List<AllianceEvent> History { get; set; } = [];
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    [JsonIgnore] public bool Exists => Version > 0;
    [JsonIgnore] public Guid LeadId => Members.Single(m => m.Role == AllianceRole.Lead).FirmId;
    [JsonIgnore] AllianceAgreement Agreement => Agreements[^1];

    AllianceMember? Of(Guid firmId) => Members.FirstOrDefault(m => m.FirmId == firmId);

    public Problem? CheckForm(FormAlliance command, AllianceFirm lead, TenderSnapshot? tender)
    {
        if (Exists) return Problem.Conflict("This alliance already exists.");
        if (lead.Business?.CanEdit(command.ActorId) != true) return Problem.Forbidden("Only the lead firm's Owners and Managers form an alliance for it.");
        if (lead.Business.Kind != BusinessKind.Firm) return Problem.Invalid("leadId", "No firm has this id.");
        if (!lead.InSpace) return Problem.Forbidden("Only member firms of the space form alliances in it.");
        if (command.TenderId is not null)
        {
            if (tender is null || tender.Status == TenderStatus.Draft || !tender.Spaces.Contains(command.SpaceId))
                return Problem.Invalid("tenderId", "No tender published in this space has this id.");
            if (tender.Status is not (TenderStatus.Enquiries or TenderStatus.Tendering))
                return Problem.Conflict("This tender no longer takes bids: an alliance for it would have nothing to do.");
        }
        var errors = new Dictionary<string, FieldProblem[]>();
        if (command.Name.Clean() is not { Length: >= MinName and <= MaxName }) errors["name"] = [new(Problem.Uncoded, $"The name is {MinName} to {MaxName} characters long.", [])];
        if (CheckAgreementText(command.AgreementText, "agreementText") is { } bad) errors["agreementText"] = bad.Errors!["agreementText"];
        return errors.Count > 0 ? Problem.Invalid(errors) : null;
    }

    public void Form(Guid id, FormAlliance command, DateTimeOffset now)
    {
        Id = id;
        SpaceId = command.SpaceId;
        TenderId = command.TenderId;
        Name = command.Name.Trim();
        CreatedAt = now;
        Agreements = [new AllianceAgreement(1, command.AgreementText.Trim(), now)];
        Set(new AllianceMember(command.LeadId, AllianceRole.Lead, AllianceStanding.Active, 1, null, now), "Formed", command.ActorId, now);
    }

    public Problem? CheckInvite(InviteToAlliance command, AllianceFirm lead, AllianceFirm invitee) =>
        GuardLead(command.ActorId, lead)
        ?? (command.Role == AllianceRole.Lead || !Enum.IsDefined(command.Role) ? Problem.Invalid("role", "Invite a firm as Member or Subcontractor; the lead is handed over.")
        : invitee.Business?.Kind != BusinessKind.Firm ? Problem.Invalid("firmId", "No firm has this id.")
        : !invitee.InSpace ? Problem.Forbidden("Only member firms of the alliance's space can be invited.")
        : Of(command.FirmId)?.Standing is AllianceStanding.Active or AllianceStanding.Invited ? Problem.Conflict("This firm is already in the alliance or invited.")
        : Members.Count(m => m.Standing is AllianceStanding.Active or AllianceStanding.Invited) >= MaxFirms ? Problem.Conflict($"An alliance has at most {MaxFirms} firms.")
        : null);

    public void Invite(InviteToAlliance command, DateTimeOffset now) =>
        Set(new AllianceMember(command.FirmId, command.Role, AllianceStanding.Invited, null, null, now), "Invited", command.ActorId, now);

    /// <param name="bidSubmitted">The joint bid is submitted: nobody joins a sealed bid (the lead withdraws it first).</param>
    public Problem? CheckAnswer(AnswerAllianceInvitation command, AllianceFirm firm, bool bidSubmitted = false) =>
        GuardFirm(command.ActorId, firm)
        ?? (Of(command.FirmId)?.Standing != AllianceStanding.Invited ? Problem.Conflict("This firm has no pending invitation.")
        : !command.Accept ? null
        : !firm.InSpace ? Problem.Forbidden("Only member firms of the alliance's space join it.")
        : command.AgreementVersion != Agreement.Version
            ? Problem.Conflict($"The agreement is now at version {Agreement.Version}: read it and accept that version.")
        : bidSubmitted ? Problem.Conflict("The joint bid is submitted: a firm joins once the lead withdraws it.")
        : null);

    public void Answer(AnswerAllianceInvitation command, DateTimeOffset now)
    {
        var invited = Of(command.FirmId)!;
        Set(invited with
        {
            Standing = command.Accept ? AllianceStanding.Active : AllianceStanding.Declined,
            AcceptedAgreement = command.Accept ? command.AgreementVersion : null, Since = now,
        }, command.Accept ? "Joined" : "Declined", command.ActorId, now);
    }

    /// <param name="bidSubmitted">The alliance's joint bid is submitted: its tenderers are sealed in it until it is withdrawn.</param>
    public Problem? CheckLeave(Guid actorId, AllianceFirm firm, bool bidSubmitted = false) =>
        GuardFirm(actorId, firm)
        ?? (Of(firm.FirmId)?.Standing != AllianceStanding.Active ? Problem.Conflict("This firm is not in the alliance.")
        : firm.FirmId == LeadId ? Problem.Conflict("The lead hands the lead role to another member before leaving.")
        : bidSubmitted ? Problem.Conflict(BidSubmitted)
        : null);

    const string BidSubmitted = "The joint bid is submitted with this firm in it: the lead withdraws it first.";

    public void Leave(Guid actorId, Guid firmId, DateTimeOffset now) =>
        Set(Of(firmId)! with { Standing = AllianceStanding.Left, Since = now }, "Left", actorId, now);

    /// <summary>The lead removes a firm (with a reason), or takes back an invitation.</summary>
    public Problem? CheckRemove(RemoveFromAlliance command, AllianceFirm lead, bool bidSubmitted = false) =>
        GuardLead(command.ActorId, lead)
        ?? (Of(command.FirmId)?.Standing is not (AllianceStanding.Active or AllianceStanding.Invited) ? Problem.NotFound("This firm is not in the alliance.")
        : command.FirmId == LeadId ? Problem.Conflict("The lead cannot remove itself; hand the lead over first.")
        : bidSubmitted && Of(command.FirmId)!.Standing == AllianceStanding.Active ? Problem.Conflict(BidSubmitted)
        : command.Reason.Clean() is not { Length: <= MaxReason } ? Problem.Invalid("reason", "Say why, in at most 1000 characters.")
        : null);

    public void Remove(RemoveFromAlliance command, DateTimeOffset now) =>
        Set(Of(command.FirmId)! with { Standing = AllianceStanding.Removed, Reason = command.Reason.Trim(), Since = now }, "Removed", command.ActorId, now, command.Reason.Trim());

    /// <param name="bidSubmitted">The joint bid is submitted with its lead named in it: the lead withdraws it first.</param>
    public Problem? CheckHandOver(Guid actorId, AllianceFirm lead, Guid newLeadId, bool bidSubmitted = false) =>
        GuardLead(actorId, lead)
        ?? (Of(newLeadId) is not { Standing: AllianceStanding.Active, Role: AllianceRole.Member }
            ? Problem.Invalid("firmId", "The lead goes to an active member (not a subcontractor) of the alliance.")
        : bidSubmitted ? Problem.Conflict("The joint bid is submitted with this lead named in it: withdraw it first.")
        : null);

    public void HandOver(Guid actorId, Guid newLeadId, DateTimeOffset now)
    {
        var oldLead = Of(LeadId)!;
        Set(oldLead with { Role = AllianceRole.Member }, "LeadHandedOver", actorId, now);
        Set(Of(newLeadId)! with { Role = AllianceRole.Lead }, "BecameLead", actorId, now);
    }

    public Problem? CheckPublishAgreement(Guid actorId, AllianceFirm lead, string text) =>
        GuardLead(actorId, lead) ?? CheckAgreementText(text, "text");

    /// <summary>New terms: the lead accepts them by publishing; every other firm must accept them again.</summary>
    public void PublishAgreement(Guid actorId, string text, DateTimeOffset now)
    {
        Agreements.Add(new AllianceAgreement(Agreement.Version + 1, text.Trim(), now));
        Set(Of(LeadId)! with { AcceptedAgreement = Agreement.Version }, "AgreementPublished", actorId, now);
    }

    public Problem? CheckAcceptAgreement(AcceptAllianceAgreement command, AllianceFirm firm) =>
        GuardFirm(command.ActorId, firm)
        ?? (Of(command.FirmId)?.Standing != AllianceStanding.Active ? Problem.Conflict("This firm is not in the alliance.")
        : command.Version != Agreement.Version ? Problem.Conflict($"The agreement is now at version {Agreement.Version}: read it and accept that version.")
        : Of(command.FirmId)!.AcceptedAgreement == command.Version ? Problem.Conflict("This firm already accepted this version.")
        : null);

    public void AcceptAgreement(AcceptAllianceAgreement command, DateTimeOffset now) =>
        Set(Of(command.FirmId)! with { AcceptedAgreement = command.Version }, "AgreementAccepted", command.ActorId, now);

    public AllianceSnapshot ToSnapshot() => new(Id, SpaceId, TenderId, Name, LeadId, [.. Members], Agreement, [.. History], Version, CreatedAt, UpdatedAt);

    static Problem? CheckAgreementText(string text, string field) =>
        text.Clean() is { Length: <= MaxAgreement } ? null
        : Problem.Invalid(field, $"The agreement terms are required, at most {MaxAgreement} characters.");

    Problem? GuardLead(Guid actorId, AllianceFirm lead) =>
        !Exists ? Problem.NotFound("No alliance has this id.")
        : lead.FirmId != LeadId || lead.Business?.CanEdit(actorId) != true ? Problem.Forbidden("Only the lead firm's Owners and Managers may do this.")
        : null;

    Problem? GuardFirm(Guid actorId, AllianceFirm firm) =>
        !Exists ? Problem.NotFound("No alliance has this id.")
        : Of(firm.FirmId) is null ? Problem.NotFound("This firm is not in the alliance.")
        : firm.Business?.CanEdit(actorId) != true ? Problem.Forbidden("Only the firm's Owners and Managers act for it.")
        : null;

    /// <summary>Every change goes through here: one firm's record, the version, and the history entry.</summary>
    void Set(AllianceMember member, string kind, Guid actorId, DateTimeOffset now, string? reason = null)
    {
        var index = Members.FindIndex(m => m.FirmId == member.FirmId);
        if (index < 0) Members.Add(member);
        else Members[index] = member;
        Version++;
        UpdatedAt = now;
        History.Add(new AllianceEvent(History.Count + 1, kind, member.FirmId, actorId, reason, now));
    }
}
