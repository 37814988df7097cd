using Marketplace.Data.Outbox;
using Marketplace.Data.ReadModels;
using Marketplace.Data.Storage;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Marketplace.Data;

/// <summary>
/// The one database: Identity, data-protection keys (so sign-ins survive restarts), grain state and the read
/// models that mirror it. Each provider has a subclass
/// only so that each keeps its own migrations (SQLite and PostgreSQL differ in types).
/// </summary>
public abstract class MarketplaceDbContext(DbContextOptions options)
    : IdentityDbContext<MarketplaceUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<GrainStateRecord> GrainStates => Set<GrainStateRecord>();
    public DbSet<TenderKeyEntry> TenderKeys => Set<TenderKeyEntry>();
    public DbSet<DirectoryEntry> Directory => Set<DirectoryEntry>();
    public DbSet<BusinessCapabilityEntry> BusinessCapabilities => Set<BusinessCapabilityEntry>();
    public DbSet<BusinessMemberEntry> BusinessMembers => Set<BusinessMemberEntry>();
    public DbSet<FirmBlockEntry> FirmBlocks => Set<FirmBlockEntry>();
    public DbSet<BusinessLogoEntry> BusinessLogos => Set<BusinessLogoEntry>();
    public DbSet<BusinessAttestationEntry> BusinessAttestations => Set<BusinessAttestationEntry>();
    public DbSet<BusinessFiguresEntry> BusinessFigures => Set<BusinessFiguresEntry>();
    public DbSet<QualificationCheckEntry> QualificationChecks => Set<QualificationCheckEntry>();
    public DbSet<BusinessDgueEntry> BusinessDgues => Set<BusinessDgueEntry>();
    public DbSet<BusinessInvitationEntry> BusinessInvitations => Set<BusinessInvitationEntry>();
    public DbSet<SpaceEntry> Spaces => Set<SpaceEntry>();
    public DbSet<SpaceMemberEntry> SpaceMembers => Set<SpaceMemberEntry>();
    public DbSet<SpaceMembershipEventEntry> SpaceMembershipEvents => Set<SpaceMembershipEventEntry>();
    public DbSet<SpaceBuyerEntry> SpaceBuyers => Set<SpaceBuyerEntry>();
    public DbSet<SpaceBuyerEventEntry> SpaceBuyerEvents => Set<SpaceBuyerEventEntry>();
    public DbSet<ShowcaseEntry> ShowcaseProjects => Set<ShowcaseEntry>();
    public DbSet<ShowcaseParticipantEntry> ShowcaseParticipants => Set<ShowcaseParticipantEntry>();
    public DbSet<EndorsementEntry> Endorsements => Set<EndorsementEntry>();
    public DbSet<BoardPostEntry> BoardPosts => Set<BoardPostEntry>();
    public DbSet<BoardInterestEntry> BoardInterests => Set<BoardInterestEntry>();
    public DbSet<TenderEntry> Tenders => Set<TenderEntry>();
    public DbSet<TenderSpaceEntry> TenderSpaces => Set<TenderSpaceEntry>();
    public DbSet<TenderLotEntry> TenderLots => Set<TenderLotEntry>();
    public DbSet<TenderLotCpvEntry> TenderLotCpvs => Set<TenderLotCpvEntry>();
    public DbSet<BidEntry> Bids => Set<BidEntry>();
    public DbSet<BidLotEntry> BidLots => Set<BidLotEntry>();
    public DbSet<BidTendererEntry> BidTenderers => Set<BidTendererEntry>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Audit.AuditCheckpointEntry> AuditCheckpoints => Set<Audit.AuditCheckpointEntry>();
    public DbSet<Audit.AuditCheckpointLeafEntry> AuditCheckpointLeaves => Set<Audit.AuditCheckpointLeafEntry>();
    public DbSet<InboxEntry> Inbox => Set<InboxEntry>();
    public DbSet<DocumentEntry> Documents => Set<DocumentEntry>();
    public DbSet<AwardEntry> Awards => Set<AwardEntry>();
    public DbSet<AllianceEntry> Alliances => Set<AllianceEntry>();
    public DbSet<AllianceMemberEntry> AllianceMembers => Set<AllianceMemberEntry>();
    public DbSet<JointSignOffEntry> JointSignOffs => Set<JointSignOffEntry>();
    public DbSet<BidShareEntry> BidShares => Set<BidShareEntry>();
    public DbSet<RelianceEntry> Reliances => Set<RelianceEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Notifications.NotificationPreference> NotificationPreferences => Set<Notifications.NotificationPreference>();
    public DbSet<Notifications.PendingNotice> Notices => Set<Notifications.PendingNotice>();
    public DbSet<Feeds.ImportFeed> ImportFeeds => Set<Feeds.ImportFeed>();
    public DbSet<Conversations.ThreadMessageEntry> ThreadMessages => Set<Conversations.ThreadMessageEntry>();
    public DbSet<Conversations.ThreadMentionEntry> ThreadMentions => Set<Conversations.ThreadMentionEntry>();
    public DbSet<Proposals.OpportunityProposal> OpportunityProposals => Set<Proposals.OpportunityProposal>();
    public DbSet<Reports.ReportEntry> Reports => Set<Reports.ReportEntry>();
    public DbSet<Announcements.Announcement> Announcements => Set<Announcements.Announcement>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<GrainStateRecord>(e =>
        {
            e.ToTable("grain_states");
            e.HasKey(x => new { x.GrainId, x.StateName });
            e.Property(x => x.GrainId).HasMaxLength(256);
            e.Property(x => x.StateName).HasMaxLength(128);
            e.Property(x => x.Version).IsConcurrencyToken();
        });

        builder.Entity<TenderKeyEntry>(e =>
        {
            e.ToTable("tender_keys");
            e.HasKey(x => x.TenderId);
        });

        builder.Entity<DirectoryEntry>(e =>
        {
            e.ToTable("directory");
            e.HasKey(x => x.BusinessId);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Size).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.NameFolded).HasMaxLength(200);
            e.Property(x => x.ComuneCode).HasMaxLength(6);
            e.Property(x => x.VatNumber).HasMaxLength(11);
            e.Property(x => x.ProvinceSigla).HasMaxLength(2);
            e.Property(x => x.RegionName).HasMaxLength(64);
            e.Property(x => x.LogoTag).HasMaxLength(32);
            // Searches list by name: each place filter has an index that already yields its rows in name order.
            e.HasIndex(x => x.Name);
            e.HasIndex(x => new { x.ComuneCode, x.Name });
            e.HasIndex(x => new { x.ProvinceSigla, x.Name });
            e.HasIndex(x => new { x.RegionName, x.Name });
            e.HasIndex(x => new { x.Latitude, x.Longitude });
        });

        builder.Entity<BusinessLogoEntry>(e =>
        {
            e.ToTable("business_logos");
            e.HasKey(x => x.BusinessId);
            e.Property(x => x.Tag).HasMaxLength(32);
            e.Property(x => x.ContentType).HasMaxLength(16);
        });

        builder.Entity<BusinessCapabilityEntry>(e =>
        {
            e.ToTable("business_capabilities");
            e.HasKey(x => new { x.BusinessId, x.CpvDigits });
            e.Property(x => x.CpvDigits).HasMaxLength(8);
            e.HasIndex(x => x.CpvDigits);
        });

        builder.Entity<BusinessAttestationEntry>(e =>
        {
            e.ToTable("business_attestations");
            e.HasKey(x => new { x.BusinessId, x.Category });
            e.Property(x => x.Category).HasMaxLength(8);
            e.Property(x => x.Class).HasConversion<string>().HasMaxLength(8);
            e.Property(x => x.IssuedBy).HasMaxLength(Marketplace.Qualifications.QualificationInput.MaxIssuer);
            // Partner suggestions look for the firms holding a category still valid on a day.
            e.HasIndex(x => new { x.Category, x.Expires });
        });

        builder.Entity<BusinessFiguresEntry>(e =>
        {
            e.ToTable("business_figures");
            e.HasKey(x => x.BusinessId);
            e.Property(x => x.Turnover).HasPrecision(18, 2);
            e.Property(x => x.SimilarWork).HasPrecision(18, 2);
        });

        builder.Entity<QualificationCheckEntry>(e =>
        {
            e.ToTable("qualification_checks");
            e.HasKey(x => x.Id);
            e.Property(x => x.Category).HasMaxLength(8);
            e.Property(x => x.Digest).HasMaxLength(64);
            // A firm's page and an alliance's view read the checks of their firms.
            e.HasIndex(x => new { x.BusinessId, x.SpaceId });
        });

        builder.Entity<BusinessDgueEntry>(e =>
        {
            e.ToTable("business_dgues");
            e.HasKey(x => x.BusinessId);
        });

        builder.Entity<FirmBlockEntry>(e =>
        {
            e.ToTable("firm_blocks");
            e.HasKey(x => new { x.BlockerId, x.BlockedId });
            // A board's list asks which posters block the viewer's firms.
            e.HasIndex(x => x.BlockedId);
        });

        builder.Entity<BusinessMemberEntry>(e =>
        {
            e.ToTable("business_members");
            e.HasKey(x => new { x.BusinessId, x.UserId });
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.UserId);
        });

        builder.Entity<MarketplaceUser>(e =>
        {
            e.Property(x => x.DisplayName).HasMaxLength(MarketplaceUser.MaxDisplayName);
            e.Property(x => x.Language).HasMaxLength(2);
        });

        builder.Entity<BusinessInvitationEntry>(e =>
        {
            e.ToTable("business_invitations");
            e.HasKey(x => x.InvitationId);
            e.Property(x => x.NormalizedEmail).HasMaxLength(256);
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.NormalizedEmail);
            e.HasIndex(x => x.BusinessId);
        });

        builder.Entity<SpaceEntry>(e =>
        {
            e.ToTable("spaces");
            e.HasKey(x => x.SpaceId);
            e.Property(x => x.Name).HasMaxLength(120);
            e.Property(x => x.Visibility).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.HostId);
        });

        builder.Entity<SpaceMemberEntry>(e =>
        {
            e.ToTable("space_members");
            e.HasKey(x => new { x.SpaceId, x.BusinessId });
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.VouchedSize).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.VouchedVatNumber).HasMaxLength(11);
            e.HasIndex(x => x.BusinessId);
            e.HasIndex(x => new { x.SpaceId, x.Status });
        });

        builder.Entity<SpaceMembershipEventEntry>(e =>
        {
            e.ToTable("space_membership_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.SpaceId, x.BusinessId, x.Sequence }).IsUnique();
            e.HasIndex(x => new { x.SpaceId, x.At });
        });

        builder.Entity<SpaceBuyerEntry>(e =>
        {
            e.ToTable("space_buyers");
            e.HasKey(x => new { x.SpaceId, x.BuyerId });
            e.Property(x => x.Approval).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.BuyerId);
        });

        builder.Entity<SpaceBuyerEventEntry>(e =>
        {
            e.ToTable("space_buyer_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Step).HasConversion<string>().HasMaxLength(24);
            e.HasIndex(x => new { x.SpaceId, x.BuyerId, x.Sequence }).IsUnique();
            e.HasIndex(x => x.BuyerId);
        });

        builder.Entity<ShowcaseEntry>(e =>
        {
            e.ToTable("showcase_projects");
            e.HasKey(x => x.ProjectId);
            e.Property(x => x.VerifiedBy).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Client).HasMaxLength(200);
            e.Property(x => x.ValueAmount).HasPrecision(18, 2);
            e.Property(x => x.ValueCurrency).HasMaxLength(3);
            e.HasIndex(x => x.PublisherId);
        });

        builder.Entity<ShowcaseParticipantEntry>(e =>
        {
            e.ToTable("showcase_participants");
            e.HasKey(x => new { x.ProjectId, x.FirmId });
            e.Property(x => x.Confirmation).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.FirmId);
        });

        builder.Entity<EndorsementEntry>(e =>
        {
            e.ToTable("endorsements");
            e.HasKey(x => new { x.EndorserId, x.EndorsedId });
            e.HasIndex(x => x.EndorsedId);
        });

        builder.Entity<BoardPostEntry>(e =>
        {
            e.ToTable("board_posts");
            e.HasKey(x => x.PostId);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Cpv).HasMaxLength(200);
            e.Property(x => x.ComuneCode).HasMaxLength(8);
            e.Property(x => x.ValueAmount).HasPrecision(18, 2);
            e.Property(x => x.ValueCurrency).HasMaxLength(3);
            e.Ignore(x => x.Codes);
            e.HasIndex(x => new { x.SpaceId, x.PostedAt });
            e.HasIndex(x => new { x.PosterId, x.PostedAt });
        });

        builder.Entity<BoardInterestEntry>(e =>
        {
            e.ToTable("board_interests");
            e.HasKey(x => new { x.PostId, x.FirmId });
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.FirmId);
        });

        builder.Entity<TenderEntry>(e =>
        {
            e.ToTable("tenders");
            e.HasKey(x => x.TenderId);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.AuditHeadHash).HasMaxLength(64);
            e.Property(x => x.SealedHeadHash).HasMaxLength(64);
            e.Property(x => x.ExternalBuyer).HasMaxLength(200);
            e.Property(x => x.ExternalUrl).HasMaxLength(2000);
            e.HasIndex(x => x.BuyerId);
            e.HasIndex(x => x.NextDeadline);
        });

        builder.Entity<TenderSpaceEntry>(e =>
        {
            e.ToTable("tender_spaces");
            e.HasKey(x => new { x.TenderId, x.SpaceId });
            e.HasIndex(x => x.SpaceId);
        });

        builder.Entity<TenderLotEntry>(e =>
        {
            e.ToTable("tender_lots");
            e.HasKey(x => new { x.TenderId, x.Lot });
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.EstimatedValue).HasPrecision(18, 2);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.ComuneCode).HasMaxLength(6);
            e.Property(x => x.ProvinceSigla).HasMaxLength(2);
            e.Property(x => x.RegionName).HasMaxLength(64);
        });

        builder.Entity<TenderLotCpvEntry>(e =>
        {
            e.ToTable("tender_lot_cpv");
            e.HasKey(x => new { x.TenderId, x.Lot, x.CpvDigits });
            e.Property(x => x.CpvDigits).HasMaxLength(8);
            e.HasIndex(x => x.CpvDigits);
        });

        builder.Entity<BidEntry>(e =>
        {
            e.ToTable("bids");
            e.HasKey(x => x.BidId);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Digest).HasMaxLength(64);
            e.HasIndex(x => new { x.TenderId, x.BidderId }).IsUnique();
        });

        builder.Entity<BidLotEntry>(e =>
        {
            e.ToTable("bid_lots");
            e.HasKey(x => new { x.BidId, x.Lot });
            e.Property(x => x.Amount).HasPrecision(18, 2);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.HasIndex(x => x.TenderId);
        });

        builder.Entity<BidTendererEntry>(e =>
        {
            e.ToTable("bid_tenderers");
            e.HasKey(x => new { x.BidId, x.FirmId });
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.TenderId, x.FirmId });
            e.HasIndex(x => x.FirmId);
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(x => new { x.TenderId, x.Chain, x.Sequence });
            e.Property(x => x.Chain).HasConversion<string>().HasMaxLength(8);
            e.Property(x => x.Subject).HasMaxLength(40);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => new { x.TenderId, x.Subject, x.SubjectSequence }).IsUnique();
        });

        builder.Entity<Audit.AuditCheckpointEntry>(e =>
        {
            e.ToTable("audit_checkpoints");
            e.HasKey(x => x.Number);
            e.Property(x => x.Number).ValueGeneratedNever();
            e.Property(x => x.Root).HasMaxLength(64);
            e.Property(x => x.Signature).HasMaxLength(128);
        });

        builder.Entity<Audit.AuditCheckpointLeafEntry>(e =>
        {
            e.ToTable("audit_checkpoint_leaves");
            e.HasKey(x => new { x.Checkpoint, x.TenderId });
            e.Property(x => x.PublicHash).HasMaxLength(64);
            e.Property(x => x.SealedHash).HasMaxLength(64);
            e.Property(x => x.Nonce).HasMaxLength(64);
            e.Property(x => x.SealedCommitment).HasMaxLength(64);
            e.HasIndex(x => new { x.Checkpoint, x.Index }).IsUnique();
        });

        builder.Entity<InboxEntry>(e =>
        {
            e.ToTable("inbox");
            e.HasKey(x => new { x.BusinessId, x.TenderId });
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Lots).HasMaxLength(400);
            e.HasIndex(x => new { x.BusinessId, x.At });
            // Which firms have a tender in their inbox: told when it is published, their cached inboxes dropped when it changes.
            e.HasIndex(x => x.TenderId);
        });

        builder.Entity<AwardEntry>(e =>
        {
            e.ToTable("awards");
            e.HasKey(x => new { x.TenderId, x.Lot });
            e.Property(x => x.Amount).HasPrecision(18, 2);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.HasIndex(x => x.BidId);
        });

        builder.Entity<AllianceEntry>(e =>
        {
            e.ToTable("alliances");
            e.HasKey(x => x.AllianceId);
            e.Property(x => x.Name).HasMaxLength(120);
            e.HasIndex(x => x.TenderId);
            e.HasIndex(x => x.SpaceId);
            e.HasIndex(x => x.FormedFrom);
        });

        builder.Entity<AllianceMemberEntry>(e =>
        {
            e.ToTable("alliance_members");
            e.HasKey(x => new { x.AllianceId, x.FirmId });
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Standing).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.FirmId);
        });

        builder.Entity<JointSignOffEntry>(e =>
        {
            e.ToTable("joint_sign_offs");
            e.HasKey(x => new { x.AllianceId, x.FirmId, x.Lot });
            e.HasIndex(x => new { x.TenderId, x.FirmId, x.Lot });
        });

        builder.Entity<RelianceEntry>(e =>
        {
            e.ToTable("reliances");
            e.HasKey(x => new { x.AllianceId, x.Position });
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Digest).HasMaxLength(64);
            // The to-do list and the notices ask for the reliances awaiting an auxiliary firm.
            e.HasIndex(x => new { x.AuxiliaryId, x.Status });
        });

        builder.Entity<BidShareEntry>(e =>
        {
            e.ToTable("bid_shares");
            e.HasKey(x => new { x.BidId, x.Lot, x.FirmId });
            // A quota has two decimals; a package's price has two, and a lot's sum of them stays well inside 18 digits.
            e.Property(x => x.Part).HasPrecision(18, 2);
            e.Property(x => x.Whole).HasPrecision(18, 2);
            e.Property(x => x.Basis).HasConversion<string>().HasMaxLength(16);
        });

        builder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(OutboxMessage.MaxKind);
            e.Property(x => x.To).HasMaxLength(OutboxMessage.MaxAddress);
            e.Property(x => x.Subject).HasMaxLength(OutboxMessage.MaxSubject);
            e.Property(x => x.LastError).HasMaxLength(OutboxMessage.MaxError);
            e.Property(x => x.Unsubscribe).HasMaxLength(OutboxMessage.MaxUnsubscribe);
            // Senders look for pending messages by when they are due; sent ones drop out of this filter's rows.
            e.HasIndex(x => new { x.SentAt, x.GaveUpAt, x.NextAttemptAt });
        });

        builder.Entity<Notifications.NotificationPreference>(e =>
        {
            e.ToTable("notification_preferences");
            e.HasKey(x => new { x.UserId, x.Kind });
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
        });

        builder.Entity<Notifications.PendingNotice>(e =>
        {
            e.ToTable("notices");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            // The sender looks for people with notices still to handle, oldest first.
            e.HasIndex(x => new { x.DoneAt, x.CreatedAt, x.NextLookAt });
            e.HasIndex(x => x.UserId);
            // A board post is told once (BoardPostProjector looks for its notices when it comes onto the board again).
            e.HasIndex(x => x.PostId);
            // A deadline's warning is written once per person, firm, threshold and deadline, whatever retries or nodes
            // write it (ReadModels.DeadlineNotices); the other kinds have no Deadline, and NULLs leave them unconstrained.
            e.HasIndex(x => new { x.UserId, x.Kind, x.AllianceId, x.BusinessId, x.Number, x.Deadline }).IsUnique();
        });

        builder.Entity<Feeds.ImportFeed>(e =>
        {
            e.ToTable("import_feeds");
            e.HasKey(x => x.Id);
            e.Property(x => x.Url).HasMaxLength(Feeds.ImportFeed.MaxUrl);
            e.Property(x => x.LastReport).HasMaxLength(Feeds.ImportFeed.MaxReport);
            // A space lists its feeds, once each; fetchers look for the ones due.
            e.HasIndex(x => new { x.SpaceId, x.Url }).IsUnique();
            e.HasIndex(x => x.NextFetchAt);
        });

        builder.Entity<Conversations.ThreadMessageEntry>(e =>
        {
            e.ToTable("thread_messages");
            e.HasKey(x => x.Seq);
            e.Property(x => x.Seq).ValueGeneratedOnAdd();
            e.HasIndex(x => x.Id).IsUnique();
            e.Property(x => x.Text).HasMaxLength(Marketplace.Conversations.ConversationRules.MaxText);
            // A thread is read newest first, a page at a time; a person's last minute is counted at each message.
            e.HasIndex(x => new { x.AllianceId, x.PackageId, x.Seq });
            e.HasIndex(x => new { x.AuthorId, x.At });
        });

        builder.Entity<Conversations.ThreadMentionEntry>(e =>
        {
            e.ToTable("thread_mentions");
            e.HasKey(x => new { x.MessageId, x.UserId });
            // The notice sender reads what a person's notices tell; a page marks the person's mentions it shows as seen.
            e.HasIndex(x => x.NoticeId);
            e.HasIndex(x => new { x.UserId, x.MessageId });
        });

        builder.Entity<Reports.ReportEntry>(e =>
        {
            e.ToTable("reports");
            e.HasKey(x => x.Id);
            e.Property(x => x.Subject).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Text).HasMaxLength(Marketplace.Reports.ReportRules.MaxText);
            e.Property(x => x.DecisionReason).HasMaxLength(Marketplace.Reports.ReportRules.MaxDecisionReason);
            // The admins' queue reads a space's open reports newest first; a firm's one open report per subject is
            // asked at each report, a person's last day counted at each report, and a firm lists its own.
            e.HasIndex(x => new { x.SpaceId, x.Status, x.At });
            e.HasIndex(x => new { x.ReporterFirmId, x.Subject, x.SubjectId, x.Status });
            e.HasIndex(x => new { x.ReporterId, x.At });
        });

        builder.Entity<Proposals.OpportunityProposal>(e =>
        {
            e.ToTable("opportunity_proposals");
            e.HasKey(x => x.Id);
            e.Property(x => x.FileName).HasMaxLength(Proposals.OpportunityProposal.MaxFileName);
            e.Property(x => x.Note).HasMaxLength(Proposals.OpportunityProposal.MaxNote);
            e.Property(x => x.Reason).HasMaxLength(Proposals.OpportunityProposal.MaxReason);
            e.Property(x => x.Opportunities).HasMaxLength(Proposals.OpportunityProposal.MaxOpportunities);
            e.Property(x => x.Result).HasMaxLength(Proposals.OpportunityProposal.MaxResult);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            // The admins list a space's proposals by state; a firm lists its own.
            e.HasIndex(x => new { x.SpaceId, x.Status });
            e.HasIndex(x => x.FirmId);
        });

        builder.Entity<Announcements.Announcement>(e =>
        {
            e.ToTable("announcements");
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(Marketplace.Spaces.AnnouncementRules.MaxTitle);
            e.Property(x => x.Text).HasMaxLength(Marketplace.Spaces.AnnouncementRules.MaxText);
            // A space's announcements are read newest first.
            e.HasIndex(x => new { x.SpaceId, x.PostedAt });
        });

        builder.Entity<DocumentEntry>(e =>
        {
            e.ToTable("documents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.HasIndex(x => x.OwnerId);
            e.HasIndex(x => x.SealedFor);
        });
    }
}

public sealed class SqliteMarketplaceDbContext(DbContextOptions<SqliteMarketplaceDbContext> options)
    : MarketplaceDbContext(options)
{
    // SQLite has no date type: times are stored as UTC ticks, so they compare and sort in SQL and keep every digit.
    protected override void ConfigureConventions(ModelConfigurationBuilder builder) =>
        builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();

    // Internal, not private: the compiled model (CompiledModels/Sqlite) names it.
    internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        time => time.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}

public sealed class PostgresMarketplaceDbContext(DbContextOptions<PostgresMarketplaceDbContext> options)
    : MarketplaceDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Word search is LIKE '%word%': trigram indexes answer it without reading every row.
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<DirectoryEntry>().HasIndex(x => x.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.Entity<DirectoryEntry>().HasIndex(x => x.NameFolded).HasMethod("gin").HasOperators("gin_trgm_ops");
        // CPV prefixes are searched as ranges of digits; byte order makes the range exact whatever the server's locale.
        builder.Entity<BusinessCapabilityEntry>().Property(x => x.CpvDigits).UseCollation("C");
    }
}
