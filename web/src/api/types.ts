// Names for the server's DTOs, all taken from the generated OpenAPI schema (npm run gen:api).
import type { components, operations } from "./schema";

type Schemas = components["schemas"];

type Dto<Name extends keyof Schemas> = Schemas[Name];

export type MeDto = Dto<"MeDto">;
export type ChangePasswordRequest = Dto<"ChangePasswordRequest">;
export type DisplayNameRequest = Dto<"DisplayNameRequest">;
export type DirectoryPageDto = Dto<"DirectoryPageDto">;
export type DirectorySearchedDto = Dto<"DirectorySearchedDto">;
export type DirectoryEntryDto = Dto<"DirectoryEntryDto">;
export type CreateBusinessRequest = Dto<"CreateBusinessRequest">;
export type BusinessProfileDto = Dto<"BusinessProfileDto">;
/** A CPV code with both labels: a business's capability, and a CPV search result. */
export type CapabilityDto = Dto<"CapabilityDto">;
export type LocalityDto = Dto<"LocalityDto">;
export type EditProfileRequest = Dto<"EditProfileRequest">;
export type EditQualificationsRequest = Dto<"EditQualificationsRequest">;
export type FirmQualificationsDto = Dto<"FirmQualificationsDto">;
export type QualificationCheckDto = Dto<"QualificationCheckDto">;
export type DgueDto = Dto<"DgueDto">;
export type BidDgueDto = Dto<"BidDgueDto">;
export type DgueSection = Dto<"DgueSection">;
export type EditDgueRequest = Dto<"EditDgueRequest">;
export type FirmDgueDto = Dto<"FirmDgueDto">;
export type SoaCategoryDto = Dto<"SoaCategoryDto">;
export type SoaClass = Dto<"SoaClass">;
export type MyBusinessDto = Dto<"MyBusinessDto">;
export type BusinessMemberDto = Dto<"BusinessMemberDto">;
export type InviteMemberRequest = Dto<"InviteMemberRequest">;
export type BusinessInvitationDto = Dto<"BusinessInvitationDto">;
export type MyInvitationDto = Dto<"MyInvitationDto">;
/** One thing waiting for the signed-in user (GET /api/me/todo), and its kinds. */
export type ToDoItemDto = Dto<"ToDoItemDto">;
export type ToDoKind = Dto<"ToDoKind">;
/** What the viewer may do with a business (its page, its row among theirs) and about one of its people (ViewerActions). */
export type BusinessAction = Dto<"BusinessAction">;
export type BusinessMemberAction = Dto<"BusinessMemberAction">;
export type ComuneDto = Dto<"ComuneDto">;
/** A CPV code as a node of the vocabulary's tree, to browse it. */
export type CpvNodeDto = Dto<"CpvNodeDto">;

export type SpaceSummaryDto = Dto<"SpaceSummaryDto">;
export type SpaceDetailDto = Dto<"SpaceDetailDto">;
export type FirmStandingDto = Dto<"FirmStandingDto">;
export type SpaceMembershipDto = Dto<"SpaceMembershipDto">;
export type MembershipEventDto = Dto<"MembershipEventDto">;
export type CreateSpaceRequest = Dto<"CreateSpaceRequest">;
export type EditSpaceSettingsRequest = Dto<"EditSpaceSettingsRequest">;
export type PublishPolicyRequest = Dto<"PublishPolicyRequest">;
export type ApplyRequest = Dto<"ApplyRequest">;
export type AcceptPolicyRequest = Dto<"AcceptPolicyRequest">;
export type DecisionRequest = Dto<"DecisionRequest">;
export type InviteRequest = Dto<"InviteRequest">;
export type ModeratorRequest = Dto<"ModeratorRequest">;
export type ModeratorDto = Dto<"ModeratorDto">;
export type SpaceDirectoryPageDto = Dto<"SpaceDirectoryPageDto">;
/** The filters of a space's directory search, as the server takes them (GET /api/spaces/{id}/directory). */
export type DirectoryQuery = NonNullable<operations["getSpaceDirectory"]["parameters"]["query"]>;
export type SpaceDirectoryEntryDto = Dto<"SpaceDirectoryEntryDto">;
export type VerificationDto = Dto<"VerificationDto">;
export type SpaceDashboardDto = Dto<"SpaceDashboardDto">;
export type SpaceOutcomesDto = Dto<"SpaceOutcomesDto">;
export type OutcomeQuarterDto = Dto<"OutcomeQuarterDto">;
export type OutcomeMeasure = Dto<"OutcomeMeasure">;
export type DashboardChangesDto = Dto<"DashboardChangesDto">;
export type CheckDashboardRequest = Dto<"CheckDashboardRequest">;
export type SetTargetsRequest = Dto<"SetTargetsRequest">;
export type MembersAtMonthDto = Dto<"MembersAtMonthDto">;
export type DivisionCoverageDto = Dto<"DivisionCoverageDto">;
export type ProvinceCountDto = Dto<"ProvinceCountDto">;
export type SpaceBuyerDto = Dto<"SpaceBuyerDto">;
export type BuyerSpaceChoiceDto = Dto<"BuyerSpaceChoiceDto">;
export type BuyerDecisionRequest = Dto<"BuyerDecisionRequest">;
export type MandateRequest = Dto<"MandateRequest">;

// Enums are read off the DTO properties so that only the DTO names are part of the contract.
export type BusinessKind = BusinessProfileDto["kind"];
export type BusinessSize = NonNullable<DirectoryEntryDto["size"]>;
export type MemberRole = MyBusinessDto["role"];
export type SpaceVisibility = SpaceSummaryDto["visibility"];
/** A firm's standing in a space; the schema's enum admits null, which FirmStandingDto uses for "never involved". */
export type MembershipStatus = NonNullable<SpaceMembershipDto["status"]>;
export type MembershipDecision = NonNullable<DecisionRequest["decision"]>;

export type MoneyDto = Dto<"MoneyDto">;
export type ShowcaseDto = Dto<"ShowcaseDto">;
export type BoardDto = Dto<"BoardDto">;
export type PostDto = Dto<"PostDto">;
export type InboxPostDto = Dto<"InboxPostDto">;
/** An alliance's conversation: a message, a page of one thread (newest first) with the threads that hold messages, a message to write. */
export type ThreadMessageDto = Dto<"ThreadMessageDto">;
export type ThreadMentionDto = Dto<"ThreadMentionDto">;
export type FirmBlockDto = Dto<"FirmBlockDto">;
export type ThreadPersonDto = Dto<"ThreadPersonDto">;
export type ThreadPageDto = Dto<"ThreadPageDto">;
export type ThreadSummaryDto = Dto<"ThreadSummaryDto">;
export type PostMessageRequest = Dto<"PostMessageRequest">;
export type PostSummaryDto = Dto<"PostSummaryDto">;
export type PostInterestDto = Dto<"PostInterestDto">;
export type PublishPostRequest = Dto<"PublishPostRequest">;
export type EditPostRequest = Dto<"EditPostRequest">;
export type ModeratePostRequest = Dto<"ModeratePostRequest">;
export type ExpressInterestRequest = Dto<"ExpressInterestRequest">;
export type PostKind = PostSummaryDto["kind"];
export type PostStatus = PostSummaryDto["status"];
export type PublishShowcaseRequest = Dto<"PublishShowcaseRequest">;
export type EditShowcaseRequest = Dto<"EditShowcaseRequest">;
export type AnswerShowcaseRequest = Dto<"AnswerShowcaseRequest">;
export type BusinessShowcaseDto = Dto<"BusinessShowcaseDto">;
export type EndorsementDto = Dto<"EndorsementDto">;
export type EndorsementsDto = Dto<"EndorsementsDto">;
export type EndorserDto = Dto<"EndorserDto">;
export type EndorseRequest = Dto<"EndorseRequest">;
export type VerifyShowcaseRequest = Dto<"VerifyShowcaseRequest">;

export type NamedDto = Dto<"NamedDto">;
export type DocumentDto = Dto<"DocumentDto">;
export type TenderDto = Dto<"TenderDto">;
export type TenderSummaryDto = Dto<"TenderSummaryDto">;
/** Where an external opportunity is published (the buyer's own platform), on its tender. */
export type ExternalDto = Dto<"ExternalDto">;
/** What an import of an OCDS release package into a space did, per contracting process (ocid). */
export type ImportResultDto = Dto<"ImportResultDto">;
export type ImportedOpportunityDto = Dto<"ImportedOpportunityDto">;
/** An address of an OCDS release package a space's admins had the server fetch on a schedule, with its last fetch. */
export type ImportFeedDto = Dto<"ImportFeedDto">;
export type FeedFetchDto = Dto<"FeedFetchDto">;
export type AddImportFeedRequest = Dto<"AddImportFeedRequest">;
/** An OCDS release package a member firm proposed to its space's admins, and what became of it. */
export type OpportunityProposalDto = Dto<"OpportunityProposalDto">;
export type DeclineProposalRequest = Dto<"DeclineProposalRequest">;
export type FileReportRequest = Dto<"FileReportRequest">;
export type DecideReportsRequest = Dto<"DecideReportsRequest">;
export type MyReportDto = Dto<"MyReportDto">;
export type ReportChoiceDto = Dto<"ReportChoiceDto">;
export type ReportQueueDto = Dto<"ReportQueueDto">;
export type ReportedSubjectDto = Dto<"ReportedSubjectDto">;
export type DecidedReportsDto = Dto<"DecidedReportsDto">;
export type ReportSubjectDto = Dto<"ReportSubjectDto">;
export type ReportReason = Dto<"ReportReason">;
export type AnnouncementDto = Dto<"AnnouncementDto">;
export type AnnouncementsDto = Dto<"AnnouncementsDto">;
export type AnnouncementRequest = Dto<"AnnouncementRequest">;
export type EditAnnouncementRequest = Dto<"EditAnnouncementRequest">;
export type TenderSearchPageDto = Dto<"TenderSearchPageDto">;
export type TenderFoundDto = Dto<"TenderFoundDto">;
export type FoundLotDto = Dto<"FoundLotDto">;
export type TenderPhase = Dto<"TenderPhase">;
/** The filters of the search across spaces, as the server takes them (GET /api/tenders). */
export type TenderSearchQuery = NonNullable<operations["searchTenders"]["parameters"]["query"]>;
export type LotDto = Dto<"LotDto">;
export type CriterionDto = Dto<"CriterionDto">;
export type QuestionDto = Dto<"QuestionDto">;
export type TenderDecisionDto = Dto<"DecisionDto">;
export type LotRequest = Dto<"LotRequest">;
export type CriterionRequest = Dto<"CriterionRequest">;
export type DraftTenderRequest = Dto<"DraftTenderRequest">;
export type EditTenderRequest = Dto<"EditTenderRequest">;
export type AmendTenderRequest = Dto<"AmendTenderRequest">;
export type AskRequest = Dto<"AskRequest">;
export type ScoreRequest = Dto<"ScoreRequest">;
export type DecideRequest = Dto<"DecideRequest">;
export type ExcludeRequest = Dto<"ExcludeRequest">;
export type SoccorsoRequestBody = Dto<"SoccorsoRequestBody">;
export type SoccorsoAnswerBody = Dto<"SoccorsoAnswerBody">;
export type SoccorsoDto = Dto<"SoccorsoDto">;
export type SoccorsoStatus = SoccorsoDto["status"];
export type ExcludedBidDto = Dto<"ExcludedBidDto">;
export type SubmitBidRequest = Dto<"SubmitBidRequest">;
export type LotPriceRequest = Dto<"LotPriceRequest">;
export type ReceiptDto = Dto<"ReceiptDto">;
export type BidDto = Dto<"BidDto">;
export type BidResultDto = Dto<"BidResultDto">;
export type LotEvaluationDto = Dto<"LotEvaluationDto">;
export type IntegrityFailureDto = Dto<"IntegrityFailureDto">;
export type RankedBidDto = Dto<"RankedBidDto">;
export type AuditDto = Dto<"AuditDto">;
export type AuditLinkDto = Dto<"AuditLinkDto">;
export type SealedAuditDto = Dto<"SealedAuditDto">;
export type InboxItemDto = Dto<"InboxItemDto">;
export type MyBidDto = Dto<"MyBidDto">;

export type TenderStatus = TenderDto["status"];
export type CriterionKind = CriterionDto["kind"];
export type BidStatus = BidDto["status"];

export type AllianceDto = Dto<"AllianceDto">;
export type AllianceMemberDto = Dto<"AllianceMemberDto">;
export type AllianceEventDto = Dto<"AllianceEventDto">;
export type AllianceSummaryDto = Dto<"AllianceSummaryDto">;
/** One of the viewer's firms in an alliance: whether they act for it, and what they may do for it (ViewerActions). */
export type AllianceViewerFirm = Dto<"AllianceViewerFirm">;
export type TenderAction = Dto<"TenderAction">;
export type TenderFirmAction = Dto<"TenderFirmAction">;
export type AllianceAction = Dto<"AllianceAction">;
export type AllianceFirmAction = Dto<"AllianceFirmAction">;
export type AllianceMemberAction = Dto<"AllianceMemberAction">;
/** One partner in a firm's relationship ledger: their joint bids, the lots won together and the value of that work. */
export type PartnerLedgerDto = Dto<"PartnerLedgerDto">;
export type FormAllianceRequest = Dto<"FormAllianceRequest">;
export type AllianceLeadChoiceDto = Dto<"AllianceLeadChoiceDto">;
export type AllianceSpaceChoiceDto = Dto<"AllianceSpaceChoiceDto">;
export type AllianceInviteRequest = Dto<"AllianceInviteRequest">;
export type AllianceAnswerRequest = Dto<"AllianceAnswerRequest">;

/** The joint bid of an alliance formed for a tender, as its active firms co-edit it (GET /api/alliances/{id}/bid). */
export type JointBidDto = Dto<"JointBidDto">;
/** One of the firms the viewer edits a joint bid for, and what they may do for it (sign). */
export type JointBidViewerFirm = Dto<"JointBidViewerFirm">;
export type WorkPackageDto = Dto<"WorkPackageDto">;
export type FirmShareDto = Dto<"FirmShareDto">;
export type SaveWorkPackageRequest = Dto<"SaveWorkPackageRequest">;
export type SaveAnswerRequest = Dto<"SaveAnswerRequest">;
export type SaveQuotasRequest = Dto<"SaveQuotasRequest">;
export type QuotaDto = Dto<"QuotaDto">;
export type SaveSubcontractsRequest = Dto<"SaveSubcontractsRequest">;
export type SubcontractDto = Dto<"SubcontractDto">;
export type SaveReliancesRequest = Dto<"SaveReliancesRequest">;
export type RelianceDto = Dto<"RelianceDto">;
export type RelianceStatus = RelianceDto["status"];
export type AnswerLendingRequest = Dto<"AnswerLendingRequest">;
export type LendingViewDto = Dto<"LendingViewDto">;
export type LendingDto = Dto<"LendingDto">;
export type SignRequest = Dto<"SignRequest">;
/** A file of the joint bid, with the firm that attached it. */
export type JointDocumentDto = Dto<"JointDocumentDto">;
export type AttachDocumentsRequest = Dto<"AttachDocumentsRequest">;
/** The tender's lots and CPV codes against the capabilities of the alliance's active firms, with the gaps. */
export type CoverageDto = Dto<"CoverageDto">;
/** Whether an alliance qualifies for its tender's lots, requirement by requirement (GET /api/alliances/{id}/qualification). */
export type AllianceQualificationDto = Dto<"AllianceQualificationDto">;
export type LotQualificationDto = Dto<"LotQualificationDto">;
/** Firms of the space that would fill the coverage's gaps: ranked, a small set covering them all, the codes nobody covers. */
export type SuggestionsDto = Dto<"SuggestionsDto">;
export type SuggestedFirmDto = Dto<"SuggestedFirmDto">;

/** Lead (capofila / mandataria), Member (mandante) or Subcontractor (subappaltatore). */
export type AllianceRole = AllianceMemberDto["role"];
export type AllianceStanding = AllianceMemberDto["standing"];

export type NotificationSettingsDto = Dto<"NotificationSettingsDto">;
export type NotificationSettingsRequest = Dto<"NotificationSettingsRequest">;
export type NotificationChoiceDto = Dto<"NotificationChoiceDto">;
export type NotificationKind = NotificationChoiceDto["kind"];
export type NotificationMode = NotificationChoiceDto["mode"];
export type ReteRtiDto = Dto<"ReteRtiDto">;
export type ReteChoiceDto = Dto<"ReteChoiceDto">;
