using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.JointBids;
using Marketplace.Qualifications;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Server.Seed;

/// <summary>
/// Demo data for a fresh embedded install: an association and its collaboration space, a buyer and a handful of
/// Emilian firms with real CPV capabilities (three members, one applicant, one invited), each with an owner
/// account, and one published tender of the buyer in the space. Ids are fixed, so running it again changes nothing.
/// On in Development (the README's `dotnet run`), off otherwise: the demo password is public.
/// </summary>
internal sealed class DemoSeeder(IServiceScopeFactory scopes, IGrainFactory grains, MarketplaceClock clock, ILogger<DemoSeeder> log) : IHostedService
{
    public const string Password = "demo-marketplace-2026";

    sealed record DemoBusiness(
        Guid Id, string OwnerEmail, string OwnerName, BusinessKind Kind, string Name, string FiscalBase, string ComuneCode, FirmSize? Size,
        string[] Cpv, string[] Tags, string Description);

    static readonly DemoBusiness[] Businesses =
    [
        new(Guid.Parse("0b1f6a52-6c55-4a4e-9a4f-5a0d3d2b1a01"), "segreteria@associazione-imprese.demo", "Chiara Ferrari",
            BusinessKind.Association,
            "Associazione Imprese Emilia", "9211045037", "037006", null, [], ["associazione", "rete"],
            "Associazione di categoria che ospita lo spazio di collaborazione delle imprese emiliane."),
        new(Guid.Parse("0b1f6a52-6c55-4a4e-9a4f-5a0d3d2b1a02"), "appalti@comune-casalecchio.demo", "Marco Colombo",
            BusinessKind.Buyer,
            "Comune di Casalecchio di Reno (demo)", "0113211037", "037011", null, [], ["ente pubblico"],
            "Stazione appaltante di esempio che pubblica gare per lavori e servizi."),
        new(Guid.Parse("0b1f6a52-6c55-4a4e-9a4f-5a0d3d2b1a03"), "titolare@edilizia-rossi.demo", "Giulia Rossi",
            BusinessKind.Firm,
            "Edilizia Rossi S.r.l.", "0312456037", "037006", FirmSize.Small, ["45210000", "45262000", "45453000"],
            ["ristrutturazioni", "edilizia scolastica"], "Impresa edile: nuove costruzioni, ristrutturazioni e manutenzione di edifici pubblici."),
        new(Guid.Parse("0b1f6a52-6c55-4a4e-9a4f-5a0d3d2b1a04"), "info@impianti-bianchi.demo", "Luca Bianchi",
            BusinessKind.Firm,
            "Impianti Bianchi S.n.c.", "0298761036", "036023", FirmSize.Micro, ["45310000", "45330000", "45331000"],
            ["impianti elettrici", "termoidraulica"], "Impianti elettrici, idraulici e di climatizzazione per edifici civili e pubblici."),
        new(Guid.Parse("0b1f6a52-6c55-4a4e-9a4f-5a0d3d2b1a05"), "ufficio@verdi-informatica.demo", "Francesca Verdi",
            BusinessKind.Firm,
            "Verdi Informatica S.r.l.", "0277345034", "034027", FirmSize.Small, ["72000000", "48000000", "72260000"],
            ["software gestionale", "cloud"], "Sviluppo software, sistemi informativi per la pubblica amministrazione e assistenza."),
        new(Guid.Parse("0b1f6a52-6c55-4a4e-9a4f-5a0d3d2b1a06"), "studio@tecnico-neri.demo", "Alessandro Neri",
            BusinessKind.Firm,
            "Studio Tecnico Neri", "0265198035", "035033", FirmSize.Micro, ["71000000", "71300000", "71240000"],
            ["progettazione", "direzione lavori"], "Progettazione architettonica e strutturale, direzione lavori e sicurezza nei cantieri."),
        new(Guid.Parse("0b1f6a52-6c55-4a4e-9a4f-5a0d3d2b1a07"), "verde@giardini-gallo.demo", "Sara Gallo",
            BusinessKind.Firm,
            "Giardini Gallo Soc. Coop.", "0254321038", "038008", FirmSize.Medium, ["77310000", "77313000", "45112710"],
            ["verde pubblico", "manutenzione parchi"], "Cooperativa per la cura del verde pubblico, parchi e aree gioco."),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The alliance is seeded last, so on a restart its existing means everything before it does too: asking for it
        // alone keeps seven account and eleven grain look-ups (about 1.5 s) off every start of the demo.
        if (await grains.GetGrain<IAllianceGrain>(AllianceId).Get() is not null) return;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MarketplaceUser>>();
        var created = 0;
        foreach (var demo in Businesses)
        {
            var owner = await EnsureUser(users, demo.OwnerEmail, demo.OwnerName);
            var grain = grains.GetGrain<IBusinessGrain>(demo.Id);
            if (await grain.Get() is not null) continue;
            var business = await grain.Create(new CreateBusiness(owner.Id, demo.Kind, demo.Name));
            // A firm gives its partita IVA; the association and the comune their codice fiscale, of the same form.
            var fiscal = ItalianFiscalNumber.WithCheckDigit(demo.FiscalBase);
            var firm = demo.Kind == BusinessKind.Firm;
            var profile = new BusinessProfile(demo.Name, firm ? fiscal : null, demo.Description, demo.Cpv,
                demo.Tags, demo.ComuneCode, null, demo.Size, null, demo.OwnerEmail, null, firm ? null : fiscal);
            var edited = await grain.EditProfile(new EditProfile(owner.Id, business.Value!.Version, profile));
            if (edited.Problem is { } problem) throw new InvalidOperationException($"Demo business {demo.Name} is invalid: {problem}");
            created++;
        }
        await SeedSpace(users);
        await SeedBuyerApproval(users);
        await SeedTender(users);
        await SeedAlliance(users);
        if (created > 0) log.LogInformation("Seeded {Count} demo businesses and their owner accounts (see the README)", created);
    }

    static readonly Guid SpaceId = Guid.Parse("0b1f6a52-6c55-4a4e-9a4f-5a0d3d2b1b01");

    const string Policy = """
        Regolamento dello Spazio Imprese Emilia

        1. Possono aderire le imprese con sede operativa nelle province di Bologna, Modena, Parma, Reggio Emilia e Ferrara.
        2. Ogni impresa mantiene aggiornato il proprio profilo: competenze (codici CPV), dimensione e recapiti.
        3. Le imprese collaborano con correttezza: le offerte congiunte sono approvate da tutti i partecipanti.
        4. L'associazione può sospendere o escludere, motivandolo, chi non rispetta il regolamento.
        """;

    async Task SeedSpace(UserManager<MarketplaceUser> users)
    {
        var space = grains.GetGrain<ISpaceGrain>(SpaceId);
        if (await space.Get() is not null) return;
        var association = Businesses[0];
        var secretary = (await users.FindByEmailAsync(association.OwnerEmail))!.Id;
        await Expect(space.Create(new CreateSpace(secretary, association.Id, new SpaceSettings(
            "Spazio Imprese Emilia", "Lo spazio di collaborazione delle imprese associate: competenze, progetti comuni e gare del territorio.",
            [], ["BO", "MO", "PR", "RE", "FE"], DirectoryVisibility.MembersOnly, SpaceRules.DefaultMinimumTenderingDays), Policy)));
        foreach (var (firm, index) in Businesses.Where(b => b.Kind == BusinessKind.Firm).Select((f, i) => (f, i)))
        {
            var owner = (await users.FindByEmailAsync(firm.OwnerEmail))!.Id;
            var membership = grains.Membership(SpaceId, firm.Id);
            if (index == 4)
            {
                await Expect(membership.Invite(secretary));
                continue;
            }
            await Expect(membership.Apply(new ApplyToSpace(owner, "Chiediamo di aderire allo spazio.", 1)));
            if (index < 3) await Expect(membership.Decide(new DecideMembership(secretary, MembershipDecision.Approve, null)));
        }
    }

    /// <summary>The Comune asked to publish its tenders in the space, and the association approved it.</summary>
    async Task SeedBuyerApproval(UserManager<MarketplaceUser> users)
    {
        var standing = grains.SpaceBuyer(SpaceId, Businesses[1].Id);
        if (await standing.Get() is not null) return;
        await Expect(standing.RequestPublishing((await users.FindByEmailAsync(Businesses[1].OwnerEmail))!.Id));
        await Expect(standing.Decide((await users.FindByEmailAsync(Businesses[0].OwnerEmail))!.Id, BuyerDecision.Approve));
    }

    static readonly Guid TenderId = Guid.Parse("0b1f6a52-6c55-4a4e-9a4f-5a0d3d2b1c01");

    /// <summary>A works tender open for questions for a week and for bids a week after, from the day the demo first starts.</summary>
    async Task SeedTender(UserManager<MarketplaceUser> users)
    {
        var tender = grains.Tender(TenderId);
        if (await tender.Get() is not null) return;
        var buyer = Businesses[1];
        var officer = (await users.FindByEmailAsync(buyer.OwnerEmail))!.Id;
        var today = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var draft = await tender.Draft(new DraftTender(officer, buyer.Id, [SpaceId], new TenderDetails(
            "Riqualificazione energetica della scuola primaria Rodari",
            "Lavori di efficientamento energetico e adeguamento impiantistico dell'edificio scolastico di via Garibaldi.",
            [
                new Lot(0, "Opere edili e isolamento", "Cappotto termico, serramenti e coperture.", ["45214210", "45321000"], new Money(620_000m, "EUR"), "037011"),
                new Lot(0, "Impianti elettrici e termici", "Pompe di calore, fotovoltaico e illuminazione LED.", ["45310000", "45331000"], new Money(280_000m, "EUR"), "037011"),
            ],
            ["Attestazione SOA OG1 classifica III (lotto 1) o OG11 classifica II (lotto 2)", "Regolarità contributiva (DURC)"],
            [new AwardCriterion(0, "Prezzo", CriterionKind.Price, 30), new AwardCriterion(0, "Qualità tecnica della proposta", CriterionKind.Quality, 50),
                new AwardCriterion(0, "Tempi di esecuzione", CriterionKind.Quality, 20)],
            today.AddDays(8).AddHours(12), today.AddDays(15).AddHours(12), DateOnly.FromDateTime(today.AddDays(45).UtcDateTime),
            DateOnly.FromDateTime(today.AddDays(410).UtcDateTime), true, [])));
        if (draft.Problem is { } problem) throw new InvalidOperationException($"Demo tender: {problem}");
        await Expect(tender.Publish(new PublishTender(officer, draft.Value!.Version)));
    }

    static readonly Guid AllianceId = Guid.Parse("0b1f6a52-6c55-4a4e-9a4f-5a0d3d2b1d01");

    /// <summary>
    /// Edilizia Rossi's RTI for the tender, with Impianti Bianchi as member and a joint bid under way: one work package
    /// each, one of the two quality answers, both firms' DGUEs answered, nobody has signed yet (the demo users do the rest).
    /// </summary>
    async Task SeedAlliance(UserManager<MarketplaceUser> users)
    {
        var alliance = grains.GetGrain<IAllianceGrain>(AllianceId);
        if (await alliance.Get() is not null) return;
        var (rossi, bianchi) = (Businesses[2], Businesses[3]);
        var lead = (await users.FindByEmailAsync(rossi.OwnerEmail))!.Id;
        var member = (await users.FindByEmailAsync(bianchi.OwnerEmail))!.Id;
        // Each firm of the RTI has answered its DGUE (no exclusion ground applies, confirmed at the first start): the
        // lead's submission needs every firm's current one, so the demo's RTI can submit once both have signed.
        foreach (var (firmId, person) in new[] { (rossi.Id, lead), (bianchi.Id, member) })
        {
            var firm = grains.GetGrain<IBusinessGrain>(firmId);
            await Expect(firm.EditDgue(new EditDgue(person, (await firm.Get())!.Version,
                [.. DgueRules.Grounds.Select(g => new DgueAnswer(g.Code, false, null))], new DgueSelection([], false))));
        }
        await Expect(alliance.Form(new FormAlliance(lead, rossi.Id, SpaceId, TenderId, "RTI Scuola Rodari", """
            Accordo di raggruppamento temporaneo di imprese per la gara "Riqualificazione energetica della scuola primaria Rodari".
            1. Edilizia Rossi S.r.l. è mandataria e presenta l'offerta in nome e per conto del raggruppamento.
            2. Ogni impresa esegue i pacchetti di lavoro che le sono assegnati, nella quota indicata nell'offerta.
            3. Le imprese rispondono in solido verso il committente.
            """)));
        await Expect(alliance.Invite(new InviteToAlliance(lead, bianchi.Id, AllianceRole.Member)));
        await Expect(alliance.Answer(new AnswerAllianceInvitation(member, bianchi.Id, true, 1)));
        var bid = grains.GetGrain<IJointBidGrain>(AllianceId);
        await Expect(bid.SaveWorkPackage(new SaveWorkPackage(lead, null, 0, "Cappotto termico e serramenti", 1,
            "Isolamento delle facciate e sostituzione dei serramenti.", rossi.Id, new Money(540_000m, "EUR"))));
        await Expect(bid.SaveWorkPackage(new SaveWorkPackage(member, null, 0, "Pompe di calore e fotovoltaico", 2,
            "Centrale termica a pompa di calore e impianto fotovoltaico in copertura.", bianchi.Id, new Money(248_500m, "EUR"))));
        await Expect(bid.SaveAnswer(new SaveJointAnswer(lead, 2, 0,
            "Cantiere organizzato per fasi nella pausa estiva, senza interrompere l'attività didattica.")));
    }

    static async Task Expect<T>(Task<Outcome<T>> command)
    {
        if ((await command).Problem is { } problem) throw new InvalidOperationException($"Demo data: {problem}");
    }

    static async Task<MarketplaceUser> EnsureUser(UserManager<MarketplaceUser> users, string email, string name)
    {
        if (await users.FindByEmailAsync(email) is { } existing) return existing;
        var user = new MarketplaceUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException($"Demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        return user;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
