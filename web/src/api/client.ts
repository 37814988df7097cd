// The one way the client talks HTTP to the server: same origin, cookie auth, JSON in and out.
import { toApiError } from "./problem";
import type {
  AcceptPolicyRequest,
  ApplyRequest,
  BusinessInvitationDto,
  BusinessMemberDto,
  BusinessProfileDto,
  CapabilityDto,
  ComuneDto,
  CreateBusinessRequest,
  CreateSpaceRequest,
  DecisionRequest,
  DirectoryEntryDto,
  DirectoryPageDto,
  AnswerShowcaseRequest,
  EditShowcaseRequest,
  EndorseRequest,
  EndorsementDto,
  PublishShowcaseRequest,
  ShowcaseDto,
  EditProfileRequest,
  EditSpaceSettingsRequest,
  InviteMemberRequest,
  InviteRequest,
  MeDto,
  ChangePasswordRequest,
  MembershipEventDto,
  ModeratorRequest,
  MyBusinessDto,
  MyInvitationDto,
  PublishPolicyRequest,
  SpaceDashboardDto,
  SpaceDetailDto,
  SpaceDirectoryPageDto,
  SpaceMembershipDto,
  SpaceSummaryDto,
  VerificationDto,
  BuyerDecisionRequest,
  MandateRequest,
  SpaceBuyerDto,
  VerifyShowcaseRequest,
  AmendTenderRequest,
  AskRequest,
  AuditDto,
  BidDto,
  BidResultDto,
  DecideRequest,
  DocumentDto,
  DraftTenderRequest,
  EditTenderRequest,
  EvaluationDto,
  InboxItemDto,
  MyBidDto,
  ReceiptDto,
  ScoreRequest,
  SubmitBidRequest,
  SuggestionsDto,
  TenderDto,
  TenderSummaryDto,
  AllianceAnswerRequest,
  AllianceDto,
  AllianceInviteRequest,
  AllianceSummaryDto,
  FormAllianceRequest,
  PartnerLedgerDto,
  CoverageDto,
  JointBidDto,
  SaveAnswerRequest,
  SaveWorkPackageRequest,
  SignRequest,
  AttachDocumentsRequest,
} from "./types";

type Query = Record<string, string | number | undefined>;

function url(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  return body === undefined ? send<T>(method, path) : send<T>(method, path, JSON.stringify(body), "application/json");
}

async function send<T>(method: string, path: string, body?: BodyInit, contentType?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const init: RequestInit = { method, credentials: "same-origin", headers };
  if (body !== undefined) {
    if (contentType) headers["Content-Type"] = contentType;
    init.body = body;
  }
  const response = await fetch(path, init);
  const raw = await response.text();
  let parsed: unknown = undefined;
  if (raw !== "") {
    try {
      parsed = JSON.parse(raw);
    } catch {
      if (response.ok) throw toApiError(response.status, undefined, "Invalid JSON from server");
    }
  }
  if (!response.ok) throw toApiError(response.status, parsed, response.statusText);
  return parsed as T;
}

const segment = encodeURIComponent;

export const api = {
  register: (email: string, password: string) => request<void>("POST", "/api/auth/register", { email, password }),
  login: (email: string, password: string) =>
    request<void>("POST", url("/api/auth/login", { useCookies: "true" }), { email, password }),
  logout: () => request<void>("POST", "/api/auth/logout"),
  /** Ends every session of the user, on every device, this one included. */
  logoutEverywhere: () => request<void>("POST", "/api/auth/logout/everywhere"),
  /** A new password; the server ends every other session and keeps this one. */
  changePassword: (body: ChangePasswordRequest) => request<void>("POST", "/api/auth/password", body),
  me: () => request<MeDto>("GET", "/api/auth/me"),

  directory: (q: string, page: number, pageSize: number) =>
    request<DirectoryPageDto>("GET", url("/api/businesses", { q, page, pageSize })),
  createBusiness: (body: CreateBusinessRequest) => request<BusinessProfileDto>("POST", "/api/businesses", body),
  business: (id: string) => request<BusinessProfileDto>("GET", `/api/businesses/${segment(id)}`),
  editProfile: (id: string, body: EditProfileRequest) =>
    request<BusinessProfileDto>("PUT", `/api/businesses/${segment(id)}/profile`, body),
  myBusinesses: () => request<MyBusinessDto[]>("GET", "/api/me/businesses"),
  members: (id: string) => request<BusinessMemberDto[]>("GET", `/api/businesses/${segment(id)}/members`),
  inviteMember: (id: string, body: InviteMemberRequest) =>
    request<BusinessInvitationDto>("POST", `/api/businesses/${segment(id)}/invitations`, body),
  invitations: (id: string) => request<BusinessInvitationDto[]>("GET", `/api/businesses/${segment(id)}/invitations`),
  revokeInvitation: (id: string, invitationId: string) =>
    request<BusinessInvitationDto[]>("DELETE", `/api/businesses/${segment(id)}/invitations/${segment(invitationId)}`),
  myInvitations: () => request<MyInvitationDto[]>("GET", "/api/me/invitations"),
  acceptInvitation: (id: string, invitationId: string) =>
    request<MyBusinessDto>("POST", `/api/businesses/${segment(id)}/invitations/${segment(invitationId)}/accept`),
  declineInvitation: (id: string, invitationId: string) =>
    request<void>("POST", `/api/businesses/${segment(id)}/invitations/${segment(invitationId)}/decline`),
  /** The associations that vouch for the business's current size and VAT number. */
  verifications: (id: string) => request<VerificationDto[]>("GET", `/api/businesses/${segment(id)}/verifications`),

  searchCpv: (q: string, limit = 20) => request<CapabilityDto[]>("GET", url("/api/reference/cpv", { q, limit })),
  searchComuni: (q: string, limit = 20) => request<ComuneDto[]>("GET", url("/api/reference/comuni", { q, limit })),

  spaces: () => request<SpaceSummaryDto[]>("GET", "/api/spaces"),
  createSpace: (body: CreateSpaceRequest) => request<SpaceDetailDto>("POST", "/api/spaces", body),
  space: (id: string) => request<SpaceDetailDto>("GET", `/api/spaces/${segment(id)}`),
  editSpaceSettings: (id: string, body: EditSpaceSettingsRequest) =>
    request<SpaceDetailDto>("PUT", `/api/spaces/${segment(id)}/settings`, body),
  publishPolicy: (id: string, body: PublishPolicyRequest) =>
    request<SpaceDetailDto>("POST", `/api/spaces/${segment(id)}/policy`, body),
  spaceMembers: (id: string) => request<DirectoryEntryDto[]>("GET", `/api/spaces/${segment(id)}/members`),
  /** Searches the space's member firms; `query` as built by directory-filters.ts (apiQuery). */
  spaceDirectory: (id: string, query: Query) =>
    request<SpaceDirectoryPageDto>("GET", url(`/api/spaces/${segment(id)}/directory`, query)),
  spaceDashboard: (id: string) => request<SpaceDashboardDto>("GET", `/api/spaces/${segment(id)}/dashboard`),
  spaceMemberships: (id: string) => request<SpaceMembershipDto[]>("GET", `/api/spaces/${segment(id)}/memberships`),
  spaceHistory: (id: string) => request<MembershipEventDto[]>("GET", `/api/spaces/${segment(id)}/history`),
  apply: (id: string, body: ApplyRequest) => request<SpaceDetailDto>("POST", `/api/spaces/${segment(id)}/applications`, body),
  invite: (id: string, body: InviteRequest) => request<SpaceDetailDto>("POST", `/api/spaces/${segment(id)}/invitations`, body),
  withdraw: (id: string, firmId: string) =>
    request<SpaceDetailDto>("POST", `/api/spaces/${segment(id)}/firms/${segment(firmId)}/withdraw`),
  leave: (id: string, firmId: string) =>
    request<SpaceDetailDto>("POST", `/api/spaces/${segment(id)}/firms/${segment(firmId)}/leave`),
  acceptPolicy: (id: string, firmId: string, body: AcceptPolicyRequest) =>
    request<SpaceDetailDto>("POST", `/api/spaces/${segment(id)}/firms/${segment(firmId)}/accept-policy`, body),
  decide: (id: string, firmId: string, body: DecisionRequest) =>
    request<SpaceDetailDto>("POST", `/api/spaces/${segment(id)}/firms/${segment(firmId)}/decision`, body),
  vouch: (id: string, firmId: string) =>
    request<SpaceDetailDto>("POST", `/api/spaces/${segment(id)}/firms/${segment(firmId)}/vouch`),
  revokeVouch: (id: string, firmId: string) =>
    request<SpaceDetailDto>("DELETE", `/api/spaces/${segment(id)}/firms/${segment(firmId)}/vouch`),
  /** The buyers of a space (requests, approvals, mandates, history): for its admins. */
  spaceBuyers: (id: string) => request<SpaceBuyerDto[]>("GET", `/api/spaces/${segment(id)}/buyers`),
  requestPublishing: (id: string, buyerId: string) =>
    request<SpaceBuyerDto>("POST", `/api/spaces/${segment(id)}/buyers/${segment(buyerId)}/request`),
  decideBuyer: (id: string, buyerId: string, body: BuyerDecisionRequest) =>
    request<SpaceBuyerDto>("POST", `/api/spaces/${segment(id)}/buyers/${segment(buyerId)}/decision`, body),
  /** A buyer's standing in every space it dealt with: for the buyer's people. */
  buyerSpaces: (id: string) => request<SpaceBuyerDto[]>("GET", `/api/businesses/${segment(id)}/spaces`),
  grantMandate: (id: string, body: MandateRequest) => request<SpaceBuyerDto>("POST", `/api/businesses/${segment(id)}/mandates`, body),
  revokeMandate: (id: string, spaceId: string) =>
    request<SpaceBuyerDto>("DELETE", `/api/businesses/${segment(id)}/mandates/${segment(spaceId)}`),
  addModerator: (id: string, body: ModeratorRequest) =>
    request<SpaceDetailDto>("POST", `/api/spaces/${segment(id)}/moderators`, body),
  removeModerator: (id: string, userId: string) =>
    request<SpaceDetailDto>("DELETE", `/api/spaces/${segment(id)}/moderators/${segment(userId)}`),

  publishShowcase: (body: PublishShowcaseRequest) => request<ShowcaseDto>("POST", "/api/showcase", body),
  showcaseProject: (id: string) => request<ShowcaseDto>("GET", `/api/showcase/${segment(id)}`),
  editShowcase: (id: string, body: EditShowcaseRequest) => request<ShowcaseDto>("PUT", `/api/showcase/${segment(id)}`, body),
  answerShowcase: (id: string, body: AnswerShowcaseRequest) =>
    request<ShowcaseDto>("POST", `/api/showcase/${segment(id)}/answers`, body),
  verifyShowcase: (id: string, body: VerifyShowcaseRequest) =>
    request<ShowcaseDto>("POST", `/api/showcase/${segment(id)}/verification`, body),
  /** Verified projects for everybody; all of them (with the partners' answers) for the firm's own people. */
  businessShowcase: (id: string) => request<ShowcaseDto[]>("GET", `/api/businesses/${segment(id)}/showcase`),
  spaceShowcase: (id: string) => request<ShowcaseDto[]>("GET", `/api/spaces/${segment(id)}/showcase`),
  endorsements: (id: string) => request<EndorsementDto[]>("GET", `/api/businesses/${segment(id)}/endorsements`),
  endorse: (id: string, body: EndorseRequest) => request<EndorsementDto>("POST", `/api/businesses/${segment(id)}/endorsements`, body),
  withdrawEndorsement: (id: string, endorserId: string) =>
    request<void>("DELETE", `/api/businesses/${segment(id)}/endorsements/${segment(endorserId)}`),

  /** Uploads a file for a business (the file itself is the body), to attach to a tender or a bid. */
  uploadDocument: (businessId: string, file: Blob, name: string) =>
    send<DocumentDto>("POST", url(`/api/businesses/${segment(businessId)}/documents`, { name }), file, "application/octet-stream"),
  /** Where a tender's document is downloaded (a link, not a fetch: the browser saves the file). */
  tenderDocumentUrl: (id: string, documentId: string) => `/api/tenders/${segment(id)}/documents/${segment(documentId)}`,
  bidDocumentUrl: (id: string, firmId: string, documentId: string) =>
    `/api/tenders/${segment(id)}/bids/${segment(firmId)}/documents/${segment(documentId)}`,

  draftTender: (body: DraftTenderRequest) => request<TenderDto>("POST", "/api/tenders", body),
  tender: (id: string) => request<TenderDto>("GET", `/api/tenders/${segment(id)}`),
  editTender: (id: string, body: EditTenderRequest) => request<TenderDto>("PUT", `/api/tenders/${segment(id)}`, body),
  publishTender: (id: string, version: number) => request<TenderDto>("POST", `/api/tenders/${segment(id)}/publish`, { version }),
  amendTender: (id: string, body: AmendTenderRequest) => request<TenderDto>("POST", `/api/tenders/${segment(id)}/amendments`, body),
  askQuestion: (id: string, body: AskRequest) => request<TenderDto>("POST", `/api/tenders/${segment(id)}/questions`, body),
  answerQuestion: (id: string, number: number, text: string) =>
    request<TenderDto>("POST", `/api/tenders/${segment(id)}/questions/${number}/answer`, { text }),
  scoreBid: (id: string, body: ScoreRequest) => request<TenderDto>("POST", `/api/tenders/${segment(id)}/scores`, body),
  decideLot: (id: string, body: DecideRequest) => request<TenderDto>("POST", `/api/tenders/${segment(id)}/decisions`, body),
  cancelTender: (id: string, text: string) => request<TenderDto>("POST", `/api/tenders/${segment(id)}/cancel`, { text }),
  completeTender: (id: string) => request<TenderDto>("POST", `/api/tenders/${segment(id)}/complete`),
  tenderAudit: (id: string) => request<AuditDto>("GET", `/api/tenders/${segment(id)}/audit`),
  /** The buyer's ranking per lot, once the bids are opened (403 for others, 409 before). */
  evaluation: (id: string) => request<EvaluationDto>("GET", `/api/tenders/${segment(id)}/evaluation`),
  spaceTenders: (id: string) => request<TenderSummaryDto[]>("GET", `/api/spaces/${segment(id)}/tenders`),
  buyerTenders: (id: string) => request<TenderSummaryDto[]>("GET", `/api/businesses/${segment(id)}/tenders`),

  submitBid: (id: string, firmId: string, body: SubmitBidRequest) =>
    request<ReceiptDto>("PUT", `/api/tenders/${segment(id)}/bids/${segment(firmId)}`, body),
  withdrawBid: (id: string, firmId: string) => request<BidDto>("DELETE", `/api/tenders/${segment(id)}/bids/${segment(firmId)}`),
  /** A bid, for its firm's people, and for the buyer once opened; 404 to anyone else (it is sealed). */
  bid: (id: string, firmId: string) => request<BidDto>("GET", `/api/tenders/${segment(id)}/bids/${segment(firmId)}`),
  bidResult: (id: string, firmId: string) => request<BidResultDto[]>("GET", `/api/tenders/${segment(id)}/bids/${segment(firmId)}/result`),
  firmBids: (id: string) => request<MyBidDto[]>("GET", `/api/businesses/${segment(id)}/bids`),

  inbox: (firmId: string) => request<InboxItemDto[]>("GET", `/api/businesses/${segment(firmId)}/inbox`),
  /** Everything in the signed-in person's inboxes is read from now on. */
  markInboxRead: () => request<void>("POST", "/api/inbox/read"),

  /** A new alliance led by one of the user's firms: for a tender (an RTI) or, with no tender, standing (rete d'impresa). */
  formAlliance: (body: FormAllianceRequest) => request<AllianceDto>("POST", "/api/alliances", body),
  /** An alliance, for the people of its active and invited firms; 404 to anyone else. */
  alliance: (id: string) => request<AllianceDto>("GET", `/api/alliances/${segment(id)}`),
  inviteToAlliance: (id: string, body: AllianceInviteRequest) =>
    request<AllianceDto>("POST", `/api/alliances/${segment(id)}/invitations`, body),
  /** The invited firm accepts (with the agreement version it read) or declines. */
  answerAlliance: (id: string, firmId: string, body: AllianceAnswerRequest) =>
    request<AllianceDto>("POST", `/api/alliances/${segment(id)}/firms/${segment(firmId)}/answer`, body),
  leaveAlliance: (id: string, firmId: string) =>
    request<AllianceDto>("POST", `/api/alliances/${segment(id)}/firms/${segment(firmId)}/leave`),
  /** The lead removes an active firm or withdraws an invitation, saying why. */
  removeFromAlliance: (id: string, firmId: string, reason: string) =>
    request<AllianceDto>("POST", `/api/alliances/${segment(id)}/firms/${segment(firmId)}/remove`, { reason }),
  handOverAlliance: (id: string, firmId: string) => request<AllianceDto>("POST", `/api/alliances/${segment(id)}/lead`, { firmId }),
  publishAllianceAgreement: (id: string, text: string) =>
    request<AllianceDto>("POST", `/api/alliances/${segment(id)}/agreement`, { text }),
  acceptAllianceAgreement: (id: string, firmId: string, version: number) =>
    request<AllianceDto>("POST", `/api/alliances/${segment(id)}/firms/${segment(firmId)}/accept-agreement`, { version }),
  /** The tender's lots and CPV codes against the capabilities of the alliance's active firms (409 for a standing alliance). */
  allianceCoverage: (id: string) => request<CoverageDto>("GET", `/api/alliances/${segment(id)}/coverage`),
  /** Firms of the space that would fill the coverage's gaps (for the people of its active firms). */
  allianceSuggestions: (id: string) => request<SuggestionsDto>("GET", `/api/alliances/${segment(id)}/suggestions`),

  /** The joint bid of an alliance formed for a tender: for the people of its active firms, 404 to anyone else. */
  jointBid: (id: string) => request<JointBidDto>("GET", `/api/alliances/${segment(id)}/bid`),
  /** Adds a work package (id null, version 0) or saves one at the version it was read (409 if someone saved it since). */
  saveWorkPackage: (id: string, body: SaveWorkPackageRequest) =>
    request<JointBidDto>("POST", `/api/alliances/${segment(id)}/bid/work-packages`, body),
  deleteWorkPackage: (id: string, packageId: string, version: number) =>
    request<JointBidDto>("DELETE", url(`/api/alliances/${segment(id)}/bid/work-packages/${segment(packageId)}`, { version })),
  /** The answer to one quality criterion, at the version it was read (0 when there is none yet). */
  saveJointAnswer: (id: string, criterion: number, body: SaveAnswerRequest) =>
    request<JointBidDto>("PUT", `/api/alliances/${segment(id)}/bid/answers/${criterion}`, body),
  /** A bidding firm approves exactly the content it saw, named by its digest (409 if it changed since). */
  /** A firm attaches its own uploads to the joint bid (an Owner or Manager of it); any change voids every approval. */
  attachJointDocuments: (id: string, body: AttachDocumentsRequest) =>
    request<JointBidDto>("POST", `/api/alliances/${segment(id)}/bid/documents`, body),
  /** The firm that attached the file, or the lead, takes it off. */
  detachJointDocument: (id: string, documentId: string) =>
    request<JointBidDto>("DELETE", `/api/alliances/${segment(id)}/bid/documents/${segment(documentId)}`),
  jointDocumentUrl: (id: string, documentId: string) => `/api/alliances/${segment(id)}/bid/documents/${segment(documentId)}`,
  signJointBid: (id: string, body: SignRequest) => request<JointBidDto>("POST", `/api/alliances/${segment(id)}/bid/sign`, body),
  /** The lead submits what every bidding firm signed, as the alliance's sealed bid; the answer carries the receipt. */
  submitJointBid: (id: string) => request<JointBidDto>("POST", `/api/alliances/${segment(id)}/bid/submit`),
  withdrawJointBid: (id: string) => request<JointBidDto>("POST", `/api/alliances/${segment(id)}/bid/withdraw`),

  /** The firm's active alliances and pending invitations, for its people. */
  firmAlliances: (id: string) => request<AllianceSummaryDto[]>("GET", `/api/businesses/${segment(id)}/alliances`),
  /** The firm's relationship ledger, for its people (403 for others): partners by lots won, then joint bids, then name. */
  relationships: (id: string) => request<PartnerLedgerDto[]>("GET", `/api/businesses/${segment(id)}/relationships`),
};
