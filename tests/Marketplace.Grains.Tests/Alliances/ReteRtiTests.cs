using Marketplace.Alliances;
using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Alliances.AllianceSamples;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;
using static Marketplace.Grains.Tests.Businesses.Acting;

namespace Marketplace.Grains.Tests.Alliances;

/// <summary>A rete d'impresa forming an RTI for a tender of its space: who may, when, and what the RTI starts as.</summary>
public sealed class ReteRtiTests
{
    static readonly TenderSnapshot Open = InStatus(TenderStatus.Tendering).ToSnapshot() with { Spaces = [Space] };
    static readonly HashSet<Guid> AllInSpace = [Lead.Id, Partner.Id, Sub.Id];

    static Problem? Check(AllianceSnapshot rete, Guid actor, TenderSnapshot? tender = null, bool leadInSpace = true, bool bidsClosed = false, string? firmInOne = null) =>
        ReteRti.Check(As(actor, Lead), rete, leadInSpace, tender, bidsClosed, firmInOne);

    [Fact]
    public void Only_the_lead_s_editors_are_told_anything_and_then_the_first_reason_in_the_order_a_user_would_fix_it()
    {
        var rete = WithPartners().ToSnapshot();

        Check(rete, RivalOwner, tender: null, leadInSpace: false, bidsClosed: true, firmInOne: "Verdi")!.Should()
            .BeEquivalentTo(new { Kind = ProblemKind.Forbidden, AllianceState.NotTheLead.Code }, "the actor comes before the state");
        Check(WithPartners(Open).ToSnapshot(), FirmOwner, Open)!.Should().BeEquivalentTo(new { Kind = ProblemKind.Conflict, ReteRti.NotARete.Code });
        Check(rete, FirmOwner, Open, leadInSpace: false)!.Code.Should().Be(AllianceState.LeadNotInSpace.Code);
        foreach (var tender in new[] { null, Open with { Spaces = [OtherSpace] }, InStatus(TenderStatus.Draft).ToSnapshot() with { Spaces = [Space] } })
            Check(rete, FirmOwner, tender, firmInOne: "Verdi")!.Should().BeEquivalentTo(new { Kind = ProblemKind.NotFound, AllianceState.NoSuchTender.Code },
                "unknown, elsewhere or unpublished: one answer");
        Check(rete, FirmOwner, InStatus(TenderStatus.Evaluation).ToSnapshot() with { Spaces = [Space] })!.Code.Should().Be(AllianceState.TenderClosed.Code);
        Check(rete, FirmOwner, Open, bidsClosed: true, firmInOne: "Verdi")!.Code.Should()
            .Be(AllianceState.TenderClosed.Code, "a deadline passed is closed before the tender moves on, whichever firm is taken");
        Check(rete, FirmOwner, Open, firmInOne: "Verdi Impianti")!.Should().BeEquivalentTo(new
        {
            Kind = ProblemKind.Conflict, ReteRti.ReteFirmInOne.Code, Args = new Dictionary<string, string> { ["firm"] = "Verdi Impianti" },
        });
        Check(rete, FirmOwner, Open).Should().BeNull();
    }

    [Fact]
    public void The_RTI_is_led_by_the_rete_s_lead_under_its_agreement_with_each_active_firm_of_the_space_invited_in_its_role()
    {
        var reteState = WithPartners();
        var rete = reteState.ToSnapshot();
        var rti = new AllianceState();

        rti.FormFromRete(Guid.NewGuid(), new FormRtiFromRete(FirmOwner, rete.Id, Open.Id), rete, "Manutenzione parchi",
            ReteRti.Firms(rete, new HashSet<Guid> { Lead.Id, Partner.Id }), Now);

        var snapshot = rti.ToSnapshot();
        snapshot.Should().BeEquivalentTo(new { TenderId = (Guid?)Open.Id, SpaceId = Space, LeadId = Lead.Id, FormedFrom = (Guid?)rete.Id, Name = "RTI Parchi – Manutenzione parchi" });
        snapshot.Agreement.Text.Should().Be(rete.Agreement.Text);
        snapshot.Members.Select(m => (m.FirmId, m.Role, m.Standing)).Should().BeEquivalentTo([
            (Lead.Id, AllianceRole.Lead, AllianceStanding.Active), (Partner.Id, AllianceRole.Member, AllianceStanding.Invited)],
            "the subcontractor is no longer a member of the space, and nobody is joined without accepting");
        snapshot.History.Select(e => e.Kind).Should().Equal("Formed", "Invited");

        var withSub = new AllianceState();
        withSub.FormFromRete(Guid.NewGuid(), new FormRtiFromRete(FirmOwner, rete.Id, Open.Id), rete, "Parchi", ReteRti.Firms(rete, AllInSpace), Now);
        withSub.ToSnapshot().Members.Single(m => m.FirmId == Sub.Id).Role.Should().Be(AllianceRole.Subcontractor, "each firm keeps its rete role");
    }

    [Fact]
    public void A_declined_or_departed_rete_firm_is_not_invited_and_a_long_name_is_cut_to_the_limit()
    {
        var rete = Formed().Joined(Partner, AllianceRole.Member).Invited(Sub).ToSnapshot();

        ReteRti.Firms(rete, AllInSpace).Select(m => m.FirmId).Should().Equal(Lead.Id, Partner.Id);

        var name = ReteRti.Name(new string('R', 80), new string('T', 80));
        name.Should().HaveLength(AllianceState.MaxName).And.StartWith(new string('R', 80) + " – ").And.EndWith("T…");
        ReteRti.Name(" Rete Nord ", " Scuola ").Should().Be("Rete Nord – Scuola");
    }
}
