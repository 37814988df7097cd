using System.Text.Json.Serialization;
using Marketplace.Businesses;
using Marketplace.Tenders;

namespace Marketplace.Alliances;

/// <summary>The stored state of an alliance, with the rules of its membership and agreement.</summary>
public sealed class AllianceState
{
    public const int MinName = 3, MaxName = 120, MaxAgreement = 20_000, MaxReason = 1000, MaxFirms = 30;

    public Guid Id { get; set; }
    public Guid SpaceId { get; set; }
    public Guid? TenderId { get; set; }
    /// <summary>The standing alliance (rete d'impresa) that formed this RTI (<see cref="ReteRti"/>); null when a lead formed it.</summary>
    public Guid? FormedFrom { get; set; }
    public string Name { get; set; } = "";
    public List<AllianceMember> Members { get; set; } = [];
    public List<AllianceAgreement> Agreements { get; set; } = [];
    public List<AllianceEvent> History { get; set; } = [];
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static readonly Refusal
        NotFound = new("alliance.notFound", "No alliance has this id."),
        AlreadyExists = new("alliance.exists", "This alliance already exists."),
        NotTheLeadToForm = new("alliance.notTheLeadToForm", "Only the lead firm's Owners and Managers form an alliance for it."),
        NoSuchFirm = new("alliance.noSuchFirm", "No firm has this id."),
        LeadNotInSpace = new("alliance.leadNotInSpace", "Only member firms of the space form alliances in it."),
        NoSuchTender = new("alliance.noSuchTender", "No tender published in this space has this id."),
        TenderClosed = new("alliance.tenderClosed", "This tender no longer takes bids: an alliance for it would have nothing to do."),
        LeadInOneForTender = new("alliance.leadInOneForTender", "This firm is already in an alliance for this tender: it bids through that one."),
        NameLength = new("alliance.name", "The name is {min} to {max} characters long."),
        InviteRole = new("alliance.inviteRole", "Invite a firm as Member or Subcontractor; the lead is handed over."),
        InviteeNotInSpace = new("alliance.inviteeNotInSpace", "Only member firms of the alliance's space can be invited."),
        AlreadyIn = new("alliance.alreadyIn", "This firm is already in the alliance or invited."),
        TooManyFirms = new("alliance.tooManyFirms", "An alliance has at most {max} firms."),
        NoInvitation = new("alliance.noInvitation", "This firm has no pending invitation."),
        JoinerNotInSpace = new("alliance.joinerNotInSpace", "Only member firms of the alliance's space join it."),
        AgreementVersion = new("alliance.agreementVersion", "The agreement is now at version {version}: read it and accept that version."),
        JoinWhileSubmitted = new("alliance.joinWhileSubmitted", "The joint bid is submitted: a firm joins once the lead withdraws it."),
        FirmNotIn = new("alliance.firmNotIn", "This firm is not in the alliance."),
        LeadLeaving = new("alliance.leadLeaving", "The lead hands the lead role to another member before leaving."),
        BidSubmitted = new("alliance.bidSubmitted", "The joint bid is submitted with this firm in it: the lead withdraws it first."),
        BidClosed = new("alliance.bidClosed", "Bids are closed and the joint bid was submitted with this firm in it: the firm stays in the RTI."),
        PartnersClosed = new("alliance.partnersClosed", "Bids are closed: no firm can join the joint bid any more."),
        LeadRemoving = new("alliance.leadRemoving", "The lead cannot remove itself; hand the lead over first."),
        RemoveReason = new("alliance.removeReason", "Say why, in at most {max} characters."),
        NewLead = new("alliance.newLead", "The lead goes to an active member (not a subcontractor) of the alliance."),
        HandOverWhileSubmitted = new("alliance.handOverWhileSubmitted", "The joint bid is submitted naming the current lead: the lead role passes only once the lead withdraws it."),
        HandOverClosed = new("alliance.handOverClosed", "Bids are closed and the joint bid was submitted naming the current lead: the lead role can no longer pass to another firm."),
        RemoveWhileSubmitted = new("alliance.removeWhileSubmitted", "The joint bid is submitted with every active firm in it: a firm is removed only once the lead withdraws it."),
        RemoveClosed = new("alliance.removeClosed", "Bids are closed and the joint bid was submitted with every active firm in it: none can be removed from the RTI."),
        AlreadyAccepted = new("alliance.alreadyAccepted", "This firm already accepted this version."),
        AgreementText = new("alliance.agreementText", "The agreement terms are required, at most {max} characters."),
        NotTheLead = new("alliance.notTheLead", "Only the lead firm's Owners and Managers may do this."),
        NotTheFirm = new("alliance.notTheFirm", "Only the firm's Owners and Managers act for it.");

    [JsonIgnore] public bool Exists => Version > 0;
    [JsonIgnore] public Guid LeadId => Members.Single(m => m.Role == AllianceRole.Lead).FirmId;
    [JsonIgnore] AllianceAgreement Agreement => Agreements[^1];

    AllianceMember? Of(Guid firmId) => Members.FirstOrDefault(m => m.FirmId == firmId);

    /// <param name="actor">The businesses the command's actor acts for (<see cref="IActsFor"/>), as every check below takes them.</param>
    /// <param name="leadInOneForTender">The lead is already an active firm of an alliance for the command's tender.</param>
    public Problem? CheckForm(FormAlliance command, ActingFor actor, AllianceFirm lead, TenderSnapshot? tender, bool leadInOneForTender)
    {
        if (Exists) return Problem.Conflict(AlreadyExists);
        if (CheckFormIn(actor, lead, command.SpaceId, command.TenderId, tender, leadInOneForTender) is { } no) return no;
        var errors = new Dictionary<string, FieldProblem[]>();
        if (command.Name.Clean() is not { Length: >= MinName and <= MaxName }) errors["name"] = [FieldProblem.Of(NameLength, ("min", MinName), ("max", MaxName))];
        if (CheckAgreementText(command.AgreementText, "agreementText") is { } bad) errors["agreementText"] = bad.Errors!["agreementText"];
        return errors.Count > 0 ? Problem.Invalid(errors) : null;
    }

    /// <summary>Whether the actor forms alliances for this business at all: a firm they act for as Owner or Manager.</summary>
    public static Problem? CheckFormer(ActingFor actor, Guid leadId, BusinessKind? kind) =>
        !actor.Edits(leadId) ? Problem.Forbidden(NotTheLeadToForm)
        : kind != BusinessKind.Firm ? Problem.Invalid("leadId", NoSuchFirm)
        : null;

    /// <summary>
    /// Whether the actor may form an alliance led by <paramref name="lead"/> in the space, for the tender (none: a
    /// standing one), whatever it is named: the form's choices of lead and space are judged by it. The lead's own
    /// state blocks forming (a Conflict its people are told): not a member of the space, the tender no longer taking
    /// bids, or the lead already bidding for the tender in an alliance (a firm takes part in one alliance per tender).
    /// </summary>
    public static Problem? CheckFormIn(ActingFor actor, AllianceFirm lead, Guid spaceId, Guid? tenderId, TenderSnapshot? tender, bool leadInOneForTender)
    {
        if (CheckFormer(actor, lead.FirmId, lead.Kind) is { } no) return no;
        if (!lead.InSpace) return Problem.Conflict(LeadNotInSpace);
        if (tenderId is null) return null;
        if (tender is null || tender.Status == TenderStatus.Draft || !tender.Spaces.Contains(spaceId)) return Problem.Invalid("tenderId", NoSuchTender);
        if (tender.Status is not (TenderStatus.Enquiries or TenderStatus.Tendering)) return Problem.Conflict(TenderClosed);
        return leadInOneForTender ? Problem.Conflict(LeadInOneForTender) : null;
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

    /// <summary>
    /// Forms this alliance as the rete's RTI for the tender (checked by <see cref="ReteRti.Check"/>): the rete's lead leads
    /// it under the rete's agreement, and each of <paramref name="firms"/> but the lead is invited in its rete role.
    /// </summary>
    public void FormFromRete(Guid id, FormRtiFromRete command, AllianceSnapshot rete, string tenderTitle, IEnumerable<AllianceMember> firms, DateTimeOffset now)
    {
        Form(id, new FormAlliance(command.ActorId, rete.LeadId, rete.SpaceId, command.TenderId, ReteRti.Name(rete.Name, tenderTitle), rete.Agreement.Text), now);
        FormedFrom = rete.Id;
        foreach (var firm in firms.Where(f => f.FirmId != rete.LeadId))
            Invite(new InviteToAlliance(command.ActorId, firm.FirmId, firm.Role), now);
    }

    /// <param name="bidsClosed">The tender takes no more bids (<see cref="TenderRules.BidsClosedAt"/>): nobody could join the bid.</param>
    /// <param name="bidSubmitted">The joint bid is submitted: an invited firm could join only once the lead withdraws it.</param>
    public Problem? CheckInvite(InviteToAlliance command, ActingFor actor, AllianceFirm invitee, bool bidsClosed = false, bool bidSubmitted = false) =>
        GuardLead(actor)
        ?? (command.Role == AllianceRole.Lead || !Enum.IsDefined(command.Role) ? Problem.Invalid("role", InviteRole) : null)
        ?? CheckInviting(bidsClosed, bidSubmitted)
        ?? CheckInvitee(invitee)
        ?? CheckRoomToInvite();

    /// <summary>
    /// Whether the lead may invite any firm now: not once no firm could join the joint bid (the same reason partners
    /// stop being suggested), nor past the alliance's size.
    /// </summary>
    static Problem? CheckInviting(bool bidsClosed, bool bidSubmitted) =>
        CheckPartnersWanted(bidsClosed, bidSubmitted) is { } closed ? Problem.Conflict(closed) : null;

    /// <summary>Whether this firm may be invited, whoever invites and in whichever role: the firms the lead is offered.</summary>
    Problem? CheckInvitee(AllianceFirm invitee) =>
        invitee.Kind != BusinessKind.Firm ? Problem.Invalid("firmId", NoSuchFirm)
        : !invitee.InSpace ? Problem.Forbidden(InviteeNotInSpace)
        : Of(invitee.FirmId)?.Standing is AllianceStanding.Active or AllianceStanding.Invited ? Problem.Conflict(AlreadyIn)
        : null;

    /// <summary>
    /// The firms among <paramref name="candidates"/> the lead may invite now, by <see cref="CheckInvitee"/>; only the lead's
    /// Owners and Managers are told (the same refusal as inviting). A full alliance still lists them: inviting says why not.
    /// </summary>
    public Outcome<Guid[]> Invitable(ActingFor actor, IEnumerable<AllianceFirm> candidates) =>
        GuardLead(actor) is { } no ? no : candidates.Where(c => CheckInvitee(c) is null).Select(c => c.FirmId).ToArray();

    /// <summary>Whether the alliance has room for one more firm, whichever it is.</summary>
    Problem? CheckRoomToInvite() =>
        Members.Count(m => m.Standing is AllianceStanding.Active or AllianceStanding.Invited) >= MaxFirms ? Problem.Conflict(TooManyFirms, ("max", MaxFirms)) : null;

    public void Invite(InviteToAlliance command, DateTimeOffset now) =>
        Set(new AllianceMember(command.FirmId, command.Role, AllianceStanding.Invited, null, null, now), "Invited", command.ActorId, now);

    /// <param name="inSpace">The firm is a member of the alliance's space, as a firm joining must be.</param>
    /// <param name="bidSubmitted">The joint bid is submitted: nobody joins a sealed bid (the lead withdraws it first).</param>
    /// <param name="bidsClosed">The tender takes no more bids: no firm could join the joint bid any more, submitted or not.</param>
    public Problem? CheckAnswer(AnswerAllianceInvitation command, ActingFor actor, bool inSpace, bool bidSubmitted = false, bool bidsClosed = false) =>
        GuardFirm(actor, command.FirmId)
        ?? (Of(command.FirmId)?.Standing != AllianceStanding.Invited ? Problem.Conflict(NoInvitation)
        : !command.Accept ? null
                // The firm's own standing in the space, which its people see: a blocker on accepting, not a matter of role.
        : !inSpace ? Problem.Conflict(JoinerNotInSpace)
        : command.AgreementVersion != Agreement.Version
            ? Problem.Conflict(AgreementVersion, ("version", Agreement.Version))
        : CheckInviting(bidsClosed, bidSubmitted));

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
    /// <param name="bidsClosed">The tender takes no more bids, so a submitted joint bid can no longer be withdrawn.</param>
    /// <remarks>
    /// A submitted bid comes before the lead's hand-over: the hand-over is refused too while the bid stands, so telling
    /// the lead to hand over first would be false.
    /// </remarks>
    public Problem? CheckLeave(ActingFor actor, Guid firmId, bool bidSubmitted = false, bool bidsClosed = false) =>
        GuardFirm(actor, firmId)
        ?? (Of(firmId)?.Standing != AllianceStanding.Active ? Problem.Conflict(FirmNotIn)
        : bidSubmitted && bidsClosed ? Problem.Conflict(BidClosed)
        : bidSubmitted ? Problem.Conflict(BidSubmitted)
        : firmId == LeadId ? Problem.Conflict(LeadLeaving)
        : null);

    /// <summary>
    /// Why no partner is worth suggesting for the joint bid now (null: partners may still join it): a firm invited
    /// after the tender stopped taking bids, or while the bid is submitted, could not join it.
    /// </summary>
    /// <param name="bidsClosed">The tender takes no more bids now (<see cref="TenderRules.BidsClosedAt"/>).</param>
    public static Refusal? CheckPartnersWanted(bool bidsClosed, bool bidSubmitted) =>
        bidsClosed ? PartnersClosed
        : bidSubmitted ? JoinWhileSubmitted
        : null;

    public void Leave(Guid actorId, Guid firmId, DateTimeOffset now) =>
        Set(Of(firmId)! with { Standing = AllianceStanding.Left, Since = now }, "Left", actorId, now);

    /// <summary>The lead removes a firm (with a reason), or takes back an invitation.</summary>
    /// <param name="bidsClosed">The tender takes no more bids (asked once the bid is submitted): the bid can no longer be withdrawn.</param>
    public Problem? CheckRemove(RemoveFromAlliance command, ActingFor actor, bool bidSubmitted = false, bool bidsClosed = false) =>
        CheckRemove(actor, command.FirmId, bidSubmitted, bidsClosed)
        ?? (command.Reason.Clean() is not { Length: <= MaxReason } ? Problem.Invalid("reason", RemoveReason, ("max", MaxReason)) : null);

    /// <summary>
    /// Whether the lead may remove this firm now, whatever reason it gives. A submitted bid comes before the lead's own
    /// row: handing the lead over is refused too while the bid stands, so "hand the lead over first" would be false.
    /// </summary>
    Problem? CheckRemove(ActingFor actor, Guid firmId, bool bidSubmitted, bool bidsClosed) =>
        GuardLead(actor)
        ?? (Of(firmId)?.Standing is not (AllianceStanding.Active or AllianceStanding.Invited) ? Problem.NotFound(FirmNotIn)
        : bidSubmitted && Of(firmId)!.Standing == AllianceStanding.Active
            ? Problem.Conflict(bidsClosed ? RemoveClosed : RemoveWhileSubmitted)
        : firmId == LeadId ? Problem.Conflict(LeadRemoving)
        : null);

    public void Remove(RemoveFromAlliance command, DateTimeOffset now) =>
        Set(Of(command.FirmId)! with { Standing = AllianceStanding.Removed, Reason = command.Reason.Trim(), Since = now }, "Removed", command.ActorId, now, command.Reason.Trim());

    /// <param name="bidSubmitted">The joint bid is submitted with its lead named in it: the lead withdraws it first.</param>
    /// <param name="bidsClosed">The tender takes no more bids (asked once the bid is submitted): the bid stays as it is, lead and all.</param>
    public Problem? CheckHandOver(ActingFor actor, Guid newLeadId, bool bidSubmitted = false, bool bidsClosed = false) =>
        GuardLead(actor)
        ?? (Of(newLeadId) is not { Standing: AllianceStanding.Active, Role: AllianceRole.Member }
            ? Problem.Invalid("firmId", NewLead)
        : bidSubmitted ? Problem.Conflict(bidsClosed ? HandOverClosed : HandOverWhileSubmitted)
        : null);

    public void HandOver(Guid actorId, Guid newLeadId, DateTimeOffset now)
    {
        var oldLead = Of(LeadId)!;
        Set(oldLead with { Role = AllianceRole.Member }, "LeadHandedOver", actorId, now);
        Set(Of(newLeadId)! with { Role = AllianceRole.Lead }, "BecameLead", actorId, now);
    }

    public Problem? CheckPublishAgreement(ActingFor actor, string text) =>
        GuardLead(actor) ?? CheckAgreementText(text, "text");

    /// <summary>New terms: the lead accepts them by publishing; every other firm must accept them again.</summary>
    public void PublishAgreement(Guid actorId, string text, DateTimeOffset now)
    {
        Agreements.Add(new AllianceAgreement(Agreement.Version + 1, text.Trim(), now));
        Set(Of(LeadId)! with { AcceptedAgreement = Agreement.Version }, "AgreementPublished", actorId, now);
    }

    public Problem? CheckAcceptAgreement(AcceptAllianceAgreement command, ActingFor actor) =>
        GuardFirm(actor, command.FirmId)
        ?? (Of(command.FirmId)?.Standing != AllianceStanding.Active ? Problem.Conflict(FirmNotIn)
        : command.Version != Agreement.Version ? Problem.Conflict(AgreementVersion, ("version", Agreement.Version))
        : Of(command.FirmId)!.AcceptedAgreement == command.Version ? Problem.Conflict(AlreadyAccepted)
        : null);

    public void AcceptAgreement(AcceptAllianceAgreement command, DateTimeOffset now) =>
        Set(Of(command.FirmId)! with { AcceptedAgreement = command.Version }, "AgreementAccepted", command.ActorId, now);

    /// <summary>
    /// The alliance as <paramref name="viewerId"/> sees it, with what they may do: each action is judged by the rule
    /// its command runs, with the arguments the page would send (the agreement version in force), so the answer is
    /// the command's. Refused for the viewer's role, an action is simply not offered.
    /// </summary>
    /// <param name="viewer">The viewer's businesses among the alliance's firms (<see cref="IActsFor"/>), in any role.</param>
    /// <param name="inSpace">Those of the viewer's invited firms that are members of the alliance's space (an invited firm joins only then; no other firm's standing is asked).</param>
    /// <param name="bidSubmitted">The joint bid is submitted, as the commands would find it.</param>
    /// <param name="bidsClosed">The tender takes no more bids (<see cref="TenderRules.BidsClosedAt"/>; always false for a standing alliance).</param>
    public AllianceView ViewFor(Guid viewerId, ActingFor viewer, IReadOnlySet<Guid> inSpace, bool bidSubmitted, bool bidsClosed = false)
    {
        var snapshot = ToSnapshot();
        var version = Agreement.Version;
        var alliance = ViewerActions<AllianceAction>.Of(
            (AllianceAction.Invite, GuardLead(viewer) ?? CheckInviting(bidsClosed, bidSubmitted) ?? CheckRoomToInvite()),
            (AllianceAction.PublishAgreement, GuardLead(viewer)));
        var viewerFirms = viewer.Businesses.Where(f => snapshot.IsActive(f) || snapshot.IsInvited(f)).ToList();
        if (AllianceAccess.CanWatch(snapshot, viewerFirms))
            alliance = alliance with { Allowed = [.. alliance.Allowed, AllianceAction.Watch] };
        // Which tender, and whether the rete's firms are free for it, is judged when the lead picks one (ReteRti.Check).
        if (TenderId is null && GuardLead(viewer) is null)
            alliance = alliance with { Allowed = [.. alliance.Allowed, AllianceAction.FormRti] };
        var firms = viewerFirms.Select(firm => new AllianceViewerFirm(firm, viewer.Edits(firm),
            Of(firm)?.Standing == AllianceStanding.Invited
                ? ViewerActions<AllianceFirmAction>.Of(
                    // An invited firm is not inside yet: its view must not tell whether the joint bid is sealed
                    // and submitted (only the acceptance itself is refused then), so it is judged as if it were not;
                    // that bids are closed is the tender's public deadline.
                    (AllianceFirmAction.AcceptInvitation, CheckAnswer(new(viewerId, firm, true, version), viewer, inSpace.Contains(firm), bidsClosed: bidsClosed)),
                    (AllianceFirmAction.DeclineInvitation, CheckAnswer(new(viewerId, firm, false, version), viewer, inSpace.Contains(firm))))
                : ViewerActions<AllianceFirmAction>.Of(
                    (AllianceFirmAction.AcceptAgreement, CheckAcceptAgreement(new(viewerId, firm, version), viewer)),
                    (AllianceFirmAction.Leave, CheckLeave(viewer, firm, bidSubmitted, bidsClosed)))));
        var members = Members.Where(m => m.Standing is AllianceStanding.Active or AllianceStanding.Invited)
            .Select(m => new AllianceMemberActions(m.FirmId, ViewerActions<AllianceMemberAction>.Of(
                (AllianceMemberAction.HandOver, CheckHandOver(viewer, m.FirmId, bidSubmitted, bidsClosed)),
                (AllianceMemberAction.Remove, CheckRemove(viewer, m.FirmId, bidSubmitted, bidsClosed)))));
        return new(snapshot, alliance, [.. firms], [.. members]);
    }

    public AllianceSnapshot ToSnapshot() => new(Id, SpaceId, TenderId, Name, LeadId, [.. Members], Agreement, [.. History], Version, CreatedAt, UpdatedAt, FormedFrom);

    static Problem? CheckAgreementText(string text, string field) =>
        text.Clean() is { Length: <= MaxAgreement } ? null
        : Problem.Invalid(field, AgreementText, ("max", MaxAgreement));

    Problem? GuardLead(ActingFor actor) =>
        !Exists ? Problem.NotFound(NotFound)
        : !actor.Edits(LeadId) ? Problem.Forbidden(NotTheLead)
        : null;

    Problem? GuardFirm(ActingFor actor, Guid firmId) =>
        !Exists ? Problem.NotFound(NotFound)
        : Of(firmId) is null ? Problem.NotFound(FirmNotIn)
        : !actor.Edits(firmId) ? Problem.Forbidden(NotTheFirm)
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
