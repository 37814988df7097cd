using Marketplace.Qualifications;

namespace Marketplace.Grains.Tests.Qualifications;

/// <summary>An association's check speaks for what was checked: any edit of that attestation or those figures drops it, nothing else does.</summary>
public sealed class QualificationDigestsTests
{
    static readonly SoaAttestation Og1 = new("OG1", SoaClass.III, new DateOnly(2028, 3, 31), "SOA Nord Alpi S.p.A.", null);
    static readonly SoaAttestation Os30 = new("OS30", SoaClass.I, new DateOnly(2027, 6, 30), "SOA Centro S.p.A.", null);
    static readonly FinancialFigures Figures = new(2025, 3_200_000m, 1_150_000.50m);
    static readonly FirmQualifications Held = new([Og1, Os30], Figures);

    static QualificationVouch Checked(string? category) => new(category, QualificationDigests.Of(Held, category)!, Guid.NewGuid(), DateTimeOffset.UnixEpoch);

    public static TheoryData<string, FirmQualifications> EditsOfOg1 => new()
    {
        { "class", Held with { Attestations = [Og1 with { Class = SoaClass.IV }, Os30] } },
        { "expiry", Held with { Attestations = [Og1 with { Expires = new DateOnly(2029, 3, 31) }, Os30] } },
        { "issuer", Held with { Attestations = [Og1 with { IssuedBy = "SOA Sud S.p.A." }, Os30] } },
        { "document", Held with { Attestations = [Og1 with { Document = new DocumentRef(Guid.NewGuid(), "soa.pdf", "application/pdf", 10, "ab12") }, Os30] } },
        { "removed", Held with { Attestations = [Os30] } },
    };

    [Theory]
    [MemberData(nameof(EditsOfOg1))]
    public void Any_edit_of_the_checked_attestation_drops_the_check(string edit, FirmQualifications edited)
    {
        QualificationDigests.Holds(Checked("OG1"), Held).Should().BeTrue();
        QualificationDigests.Holds(Checked("OG1"), edited).Should().BeFalse($"an edit of the {edit} changes what was checked");
    }

    [Fact]
    public void Editing_another_attestation_or_the_figures_keeps_the_check_of_the_first()
    {
        var edited = new FirmQualifications([Os30 with { Class = SoaClass.II }, Og1], Figures with { Turnover = 4_000_000m });

        QualificationDigests.Holds(Checked("OG1"), edited).Should().BeTrue("the order of the list and other entries are not what was checked");
        QualificationDigests.Holds(Checked("OS30"), edited).Should().BeFalse();
        QualificationDigests.Holds(Checked(null), edited).Should().BeFalse("the figures' check speaks for the turnover too");
    }

    [Theory]
    [InlineData(2024, 3_200_000, 1_150_000.50)]
    [InlineData(2025, 3_200_001, 1_150_000.50)]
    [InlineData(2025, 3_200_000, 1_150_000.51)]
    public void Any_edit_of_the_checked_figures_drops_the_check(int year, double turnover, double similar)
    {
        var edited = Held with { Figures = new FinancialFigures(year, (decimal)turnover, (decimal)similar) };

        QualificationDigests.Holds(Checked(null), edited).Should().BeFalse();
        QualificationDigests.Holds(Checked(null), Held with { Figures = null }).Should().BeFalse("figures removed are not the figures checked");
    }

    [Fact]
    public void The_same_content_read_back_at_another_scale_still_holds()
    {
        // PostgreSQL returns the figures' row at two decimals; the grain keeps what the firm typed.
        var fromRow = Held with { Figures = new FinancialFigures(2025, 3_200_000.00m, 1_150_000.500m) };

        QualificationDigests.Holds(Checked(null), fromRow).Should().BeTrue();
        QualificationDigests.Of(Og1).Should().MatchRegex("^[0-9a-f]{64}$", "a SHA-256 in hex, as the audit chain writes them");
    }
}
