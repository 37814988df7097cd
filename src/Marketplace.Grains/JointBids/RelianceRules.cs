using Marketplace.Qualifications;
using Marketplace.Tenders;

namespace Marketplace.JointBids;

/// <summary>
/// The rules of a joint bid's declared reliances (avvalimento, D.Lgs. 36/2023, art. 104; what was confirmed:
/// docs/qualifications.md, "Avvalimento"), one home: an auxiliary firm of the space, outside the bidding firms, lends a
/// bidding firm, for a lot whose requirements allow avvalimento, a works category up to a class it holds validly, or
/// an amount of turnover or similar work it has. How a lending counts is <see cref="QualificationRules.Check"/>'s.
/// </summary>
public static class RelianceRules
{
    /// <summary>A few auxiliaries per lot of a large tender; more is not a grouping's declaration.</summary>
    public const int MaxReliances = 40;

    public static readonly Refusal
        Changed = new("avvalimento.changed", "Another person saved the reliances meanwhile: read them again."),
        TooMany = new("avvalimento.tooMany", "A joint bid declares at most {max} reliances."),
        NotABidder = new("avvalimento.notABidder", "A firm relies on an auxiliary only when it bids in the alliance."),
        OwnFirmsOnly = new("avvalimento.ownFirmsOnly", "Only the lead's people declare a reliance for another firm of the alliance; a member declares its own."),
        AuxiliaryBids = new("avvalimento.auxiliaryBids", "The auxiliary is a firm of the alliance: it brings its requirements as a member, not by avvalimento."),
        AuxiliaryNotInSpace = new("avvalimento.auxiliaryNotInSpace", "The auxiliary is not a member firm of the alliance's space."),
        CategoryNotHeld = new("avvalimento.categoryNotHeld", "The auxiliary holds no valid SOA attestation in {category} of at least class {class}."),
        FigureNotHeld = new("avvalimento.figureNotHeld", "The auxiliary's page records less than the amount lent."),
        ClassRequired = new("avvalimento.classRequired", "Give the class lent."),
        Twice = new("avvalimento.twice", "This auxiliary already lends this to this firm in lot {lot}."),
        NoSuchContract = new("avvalimento.noSuchContract", "The avvalimento contract is one of the bid's documents: attach it to the bid first."),
        Uncommitted = new("avvalimento.uncommitted", "{auxiliary} has not signed its commitment to the reliance in lot {lot} as it stands (with its avvalimento contract)."),
        NotFound = new("avvalimento.notFound", "No reliance you may see is declared in this joint bid."),
        NotTheAuxiliary = new("avvalimento.notTheAuxiliary", "Only the auxiliary firm's Owners and Managers commit to a reliance or decline it."),
        NoContract = new("avvalimento.noContract", "No avvalimento contract is attached to this reliance yet: the auxiliary signs its commitment with the contract."),
        CommitmentChanged = new("avvalimento.commitmentChanged", "The reliance or its contract changed since you read it: read it again and answer what it says now."),
        AlreadyAnswered = new("avvalimento.alreadyAnswered", "Your firm already answered this reliance as it stands."),
        Closed = new("avvalimento.closed", "The tender no longer takes bids: the reliance can no longer be answered.");

    /// <summary>
    /// Each wrong field of <paramref name="reliances"/> by its path (<c>reliances[i].lot</c> …), or null when all are
    /// right. <paramref name="editsFor"/>: the bidding firms the person edits for; <paramref name="lead"/>: whether they
    /// edit for the lead, who declares for any firm; <paramref name="documents"/>: the bid's documents, one of which a
    /// reliance names as its avvalimento contract.
    /// </summary>
    public static Dictionary<string, FieldProblem[]>? Check(IReadOnlyList<Lending> reliances, IReadOnlyList<Lot> lots, IReadOnlyCollection<Guid> bidders,
        IReadOnlyCollection<Guid> editsFor, bool lead, IReadOnlyDictionary<Guid, AuxiliaryFirm> auxiliaries, DateOnly today,
        IReadOnlyCollection<Guid>? documents = null)
    {
        var errors = new Dictionary<string, FieldProblem[]>();
        if (reliances.Count > MaxReliances) return new() { ["reliances"] = [FieldProblem.Of(TooMany, ("max", MaxReliances))] };
        var seen = new HashSet<(int, Guid, Guid, RequirementKind, string?)>();
        for (var i = 0; i < reliances.Count; i++)
        {
            var r = reliances[i];
            var at = $"reliances[{i}]";
            var lot = lots.FirstOrDefault(l => l.Number == r.Lot);
            if (lot is null) errors[$"{at}.lot"] = [FieldProblem.Of(QuotaRules.NoSuchLot)];
            // The tender says per lot whether a bidder may rely on another firm's capacities.
            else if (lot.Requirements is not { AvvalimentoAllowed: true }) errors[$"{at}.lot"] = [FieldProblem.Of(QualificationRules.AvvalimentoNotAllowed)];

            if (!bidders.Contains(r.RelyingFirmId)) errors[$"{at}.relyingFirmId"] = [FieldProblem.Of(NotABidder)];
            else if (!lead && !editsFor.Contains(r.RelyingFirmId)) errors[$"{at}.relyingFirmId"] = [FieldProblem.Of(OwnFirmsOnly)];

            var auxiliary = auxiliaries.GetValueOrDefault(r.AuxiliaryId);
            if (bidders.Contains(r.AuxiliaryId)) errors[$"{at}.auxiliaryId"] = [FieldProblem.Of(AuxiliaryBids)];
            else if (auxiliary is not { SpaceFirm: true }) errors[$"{at}.auxiliaryId"] = [FieldProblem.Of(AuxiliaryNotInSpace)];

            string? category = null;
            if (r.Kind is RequirementKind.Prevailing or RequirementKind.Separable)
            {
                category = SoaCategories.Find(r.Category?.Trim())?.Code;
                if (string.IsNullOrWhiteSpace(r.Category)) errors[$"{at}.category"] = [FieldProblem.Of(QualificationInput.CategoryRequired)];
                else if (category is null) errors[$"{at}.category"] = [FieldProblem.Of(QualificationInput.UnknownCategory, ("code", r.Category))];
                else if (r.Class is not { } lent) errors[$"{at}.class"] = [FieldProblem.Of(ClassRequired)];
                // A firm lends only what it holds, valid today: the class lent is at most the auxiliary's.
                else if (auxiliary is { SpaceFirm: true } && !auxiliary.Holds.Attestations.Any(a =>
                             SoaCategories.Find(a.Category)?.Code == category && a.Expires >= today && a.Class >= lent))
                    errors[$"{at}.class"] = [FieldProblem.Of(CategoryNotHeld, ("category", category), ("class", SoaClasses.Label(lent)))];
            }
            else
            {
                var has = r.Kind == RequirementKind.Turnover ? auxiliary?.Holds.Figures?.Turnover : auxiliary?.Holds.Figures?.SimilarWork;
                if (r.Amount is not { } amount || amount <= 0 || amount > MoneyRules.MaxAmount || decimal.Round(amount, 2) != amount)
                    errors[$"{at}.amount"] = [FieldProblem.Of(MoneyRules.NonZeroAmount)];
                else if (auxiliary is { SpaceFirm: true } && amount > (has ?? 0)) errors[$"{at}.amount"] = [FieldProblem.Of(FigureNotHeld)];
            }
            if (r.ContractId is { } contract && !(documents ?? []).Contains(contract)) errors[$"{at}.contractId"] = [FieldProblem.Of(NoSuchContract)];
            if (!seen.Add((r.Lot, r.AuxiliaryId, r.RelyingFirmId, r.Kind, category)) && !errors.ContainsKey($"{at}.lot"))
                errors[$"{at}.lot"] = [FieldProblem.Of(Twice, ("lot", r.Lot))];
        }
        return errors.Count == 0 ? null : errors;
    }

    /// <summary>A reliance in its stored form: the category by its code, nothing of the other kind.</summary>
    public static Lending Normalize(Lending r) => r.Kind is RequirementKind.Prevailing or RequirementKind.Separable
        ? r with { Category = SoaCategories.Find(r.Category?.Trim())?.Code, Amount = null }
        : r with { Category = null, Class = null, Amount = r.Amount is { } a ? decimal.Round(a, 2) + 0.00m : null };
}
