using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;
using static Marketplace.Grains.Tests.Businesses.Acting;

namespace Marketplace.Grains.Tests.Alliances;

/// <summary>Three firms of the sample space, each with its own owner, and alliances of them: formed by the lead, then joined.</summary>
internal static class AllianceSamples
{
    public static readonly BusinessSnapshot Lead = Business(BusinessKind.Firm, FirmOwner);
    public static readonly BusinessSnapshot Partner = Business(BusinessKind.Firm, RivalOwner);
    public static readonly BusinessSnapshot Sub = Business(BusinessKind.Firm, Stranger);

    /// <summary>A firm as the alliance sees it: a member of the space.</summary>
    public static AllianceFirm In(BusinessSnapshot firm) => new(firm.Id, firm.Kind, true);

    /// <summary>A firm of the sample space that is not (or no longer) a member of it.</summary>
    public static AllianceFirm Outside(BusinessSnapshot firm) => new(firm.Id, firm.Kind, false);

    public static FormAlliance Form(Guid? tender = null) => new(FirmOwner, Lead.Id, Space, tender, "RTI Parchi", "Accordo v1");

    /// <summary>The lead alone; for <paramref name="tender"/> (one published in the sample space), or a standing alliance.</summary>
    public static AllianceState Formed(TenderSnapshot? tender = null)
    {
        var state = new AllianceState();
        state.CheckForm(Form(tender?.Id), As(FirmOwner, Lead), In(Lead), tender, leadInOneForTender: false).Should().BeNull();
        state.Form(Guid.NewGuid(), Form(tender?.Id), Now);
        return state;
    }

    /// <summary>An alliance with the partner joined as Member and the subcontractor joined as Subcontractor.</summary>
    public static AllianceState WithPartners(TenderSnapshot? tender = null) =>
        Formed(tender).Joined(Partner, AllianceRole.Member).Joined(Sub, AllianceRole.Subcontractor);

    /// <summary>The lead invites <paramref name="firm"/>, and its owner accepts the current agreement.</summary>
    public static AllianceState Joined(this AllianceState state, BusinessSnapshot firm, AllianceRole role)
    {
        state.Invited(firm, role);
        var answer = new AnswerAllianceInvitation(firm.Members[0].UserId, firm.Id, true, state.Agreements[^1].Version);
        state.CheckAnswer(answer, As(answer.ActorId, firm), inSpace: true).Should().BeNull();
        state.Answer(answer, Now);
        return state;
    }

    public static AllianceState Invited(this AllianceState state, BusinessSnapshot firm, AllianceRole role = AllianceRole.Member)
    {
        var invite = new InviteToAlliance(FirmOwner, firm.Id, role);
        state.CheckInvite(invite, As(FirmOwner, Lead), In(firm)).Should().BeNull();
        state.Invite(invite, Now);
        return state;
    }
}
