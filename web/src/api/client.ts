// The one way the client talks HTTP to the server: same origin, cookie auth, JSON in and out. Every request is typed
// by the server's OpenAPI document (schema.d.ts, npm run gen:api), so a path, parameter, body or answer that does not
// match what the server serves fails the type check instead of failing for a user.
import createClient, { type ClientPathsWithMethod } from "openapi-fetch";
import { currentLanguage } from "../i18n";
import { toApiError } from "./problem";
import type { paths } from "./schema";
import type {
  AcceptPolicyRequest,
  AddImportFeedRequest,
  AnnouncementRequest,
  DeclineProposalRequest,
  DecideReportsRequest,
  FileReportRequest,
  EditAnnouncementRequest,
  SetTargetsRequest,
  CheckDashboardRequest,
  EditPostRequest,
  ExpressInterestRequest,
  ModeratePostRequest,
  PostKind,
  PostMessageRequest,
  PublishPostRequest,
  AllianceAnswerRequest,
  AllianceInviteRequest,
  AmendTenderRequest,
  AnswerShowcaseRequest,
  ApplyRequest,
  AskRequest,
  AttachDocumentsRequest,
  BusinessKind,
  BuyerDecisionRequest,
  ChangePasswordRequest,
  CreateBusinessRequest,
  CreateSpaceRequest,
  DecideRequest,
  ExcludeRequest,
  SoccorsoAnswerBody,
  SoccorsoRequestBody,
  DecisionRequest,
  DisplayNameRequest,
  DirectoryQuery,
  DraftTenderRequest,
  EditProfileRequest,
  EditQualificationsRequest,
  EditDgueRequest,
  EditShowcaseRequest,
  EditSpaceSettingsRequest,
  EditTenderRequest,
  EndorseRequest,
  FormAllianceRequest,
  InviteMemberRequest,
  InviteRequest,
  MandateRequest,
  NotificationSettingsRequest,
  ModeratorRequest,
  PublishPolicyRequest,
  PublishShowcaseRequest,
  SaveAnswerRequest,
  SaveQuotasRequest,
  SaveSubcontractsRequest,
  SaveReliancesRequest,
  AnswerLendingRequest,
  SaveWorkPackageRequest,
  ScoreRequest,
  SignRequest,
  SubmitBidRequest,
  TenderSearchQuery,
  VerifyShowcaseRequest,
} from "./types";

/** Leaves out empty values: an empty search box means "no filter", not `q=`. */
function queryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(name, String(value));
  }
  return params.toString();
}

const http = createClient<paths>({ credentials: "same-origin", headers: { Accept: "application/json" }, querySerializer: queryString });

// The server writes e-mails (an account's confirmation, a recovery link) in the language the page is shown in.
http.use({
  onRequest({ request }) {
    request.headers.set("Accept-Language", currentLanguage());
    return request;
  },
});

// A success whose body is not JSON (a proxy's error page, a truncated answer) is refused like any failure, so the
// page shows an error instead of rendering half a result.
http.use({
  async onResponse({ response }) {
    if (!response.ok) return undefined;
    const raw = await response.clone().text();
    if (raw === "") return undefined;
    try {
      JSON.parse(raw);
    } catch {
      throw toApiError(response.status, undefined, "Invalid JSON from server");
    }
    return undefined;
  },
});

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's body, or the refusal as an ApiError (whatever the body: ProblemDetails, text or nothing). */
async function ok<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(response.status, error, response.statusText);
  return data as T;
}

/** For requests whose answer carries nothing the UI reads (204, or Identity's cookie sign-in). */
const done = async (call: Promise<Answer<unknown>>): Promise<void> => {
  await ok(call);
};

type Downloads = ClientPathsWithMethod<typeof http, "get">;

/** The address of a file to download: a link the browser follows and saves, not a fetch. */
function link<P extends Downloads>(path: P, params: NonNullable<paths[P]["get"]["parameters"]["path"]>): string {
  const values = params as Record<string, string>;
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ""));
}

/** A request whose body is a file's bytes as they are (an upload), not JSON. */
const fileBody = (file: Blob) => ({
  body: file,
  bodySerializer: (bytes: Blob) => bytes,
  headers: { "Content-Type": "application/octet-stream" },
});

export const api = {
  register: (email: string, password: string, displayName: string) =>
    done(http.POST("/api/auth/register", { body: { email, password, displayName } })),
  login: (email: string, password: string) =>
    done(http.POST("/api/auth/login", { params: { query: { useCookies: true } }, body: { email, password } })),
  logout: () => done(http.POST("/api/auth/logout")),
  /** Ends every session of the user, on every device, this one included. */
  logoutEverywhere: () => done(http.POST("/api/auth/logout/everywhere")),
  /** A new password; the server ends every other session and keeps this one. */
  changePassword: (body: ChangePasswordRequest) => done(http.POST("/api/auth/password", { body })),
  session: () => ok(http.GET("/api/auth/session")),
  /** Opens a confirmation link's user id and code (and the new address, for a change of address). */
  confirmEmail: async (userId: string, code: string, changedEmail: string | null): Promise<void> => {
    // Identity answers this one in plain text, which the JSON check above would refuse: asked without it.
    const query = new URLSearchParams({ userId, code, ...(changedEmail !== null ? { changedEmail } : {}) });
    const response = await fetch(`/api/auth/confirmEmail?${query}`, { credentials: "same-origin", headers: { "Accept-Language": currentLanguage() } });
    if (!response.ok) throw toApiError(response.status, undefined, response.statusText);
  },
  /** Sends the confirmation link again; the answer is the same whether the address has an account. */
  resendConfirmation: (email: string) => done(http.POST("/api/auth/resendConfirmationEmail", { body: { email } })),
  /** Sends a recovery link to a confirmed address; the answer is the same whether the address has an account. */
  forgotPassword: (email: string) => done(http.POST("/api/auth/forgotPassword", { body: { email } })),
  resetPassword: (email: string, resetCode: string, newPassword: string) =>
    done(http.POST("/api/auth/resetPassword", { body: { email, resetCode, newPassword } })),
  /** Asks to sign in with a new address from now on: a link sent to it confirms it. */
  changeEmail: (newEmail: string) => ok(http.POST("/api/auth/manage/info", { body: { newEmail } })),
  /** The name others see the signed-in person by; the answer is who they are now. */
  setMyName: (body: DisplayNameRequest) => ok(http.PUT("/api/auth/me/name", { body })),
  /** How the person is told of each kind of notice by e-mail. */
  notificationSettings: () => ok(http.GET("/api/me/notifications")),
  /** New choices; the page's language becomes the one the person's notification e-mails are written in. */
  setNotificationSettings: (body: NotificationSettingsRequest) => ok(http.PUT("/api/me/notifications", { body })),
  /** Turns off the kind of e-mail an unsubscribe link's token names, for the person it names; no sign-in needed. */
  unsubscribe: (token: string) => ok(http.POST("/api/notifications/unsubscribe", { params: { query: { token } } })),

  directory: (q: string, page: number, pageSize: number, kind?: BusinessKind) =>
    ok(http.GET("/api/businesses", { params: { query: { q, page, pageSize, ...(kind ? { kind } : {}) } } })),
  createBusiness: (body: CreateBusinessRequest) => ok(http.POST("/api/businesses", { body })),
  business: (id: string) => ok(http.GET("/api/businesses/{id}", { params: { path: { id } } })),
  editProfile: (id: string, body: EditProfileRequest) =>
    ok(http.PUT("/api/businesses/{id}/profile", { params: { path: { id } }, body })),
  myBusinesses: () => ok(http.GET("/api/me/businesses")),
  members: (id: string) => ok(http.GET("/api/businesses/{id}/members", { params: { path: { id } } })),
  /** The firms the business blocked (its Owners and Managers only). */
  firmBlocks: (id: string) => ok(http.GET("/api/businesses/{id}/blocks", { params: { path: { id } } })),
  /** Blocks a firm's messages; the answer is the list as it is now. */
  blockFirm: (id: string, firmId: string) => ok(http.PUT("/api/businesses/{id}/blocks/{firmId}", { params: { path: { id, firmId } } })),
  unblockFirm: (id: string, firmId: string) => ok(http.DELETE("/api/businesses/{id}/blocks/{firmId}", { params: { path: { id, firmId } } })),
  /** A firm's SOA attestations and figures, for its own people. */
  qualifications: (id: string) => ok(http.GET("/api/businesses/{id}/qualifications", { params: { path: { id } } })),
  /** Replaces a firm's qualifications from the version its editor saw; the answer is what is now recorded. */
  editQualifications: (id: string, body: EditQualificationsRequest) =>
    ok(http.PUT("/api/businesses/{id}/qualifications", { params: { path: { id } }, body })),
  /** A firm's DGUE with what its criteria may point at, for its own people. */
  dgue: (id: string) => ok(http.GET("/api/businesses/{id}/dgue", { params: { path: { id } } })),
  /** Replaces and confirms a firm's DGUE from the version its editor saw; the answer is what is now kept. */
  editDgue: (id: string, body: EditDgueRequest) => ok(http.PUT("/api/businesses/{id}/dgue", { params: { path: { id } }, body })),
  soaCategories: () => ok(http.GET("/api/reference/soa-categories")),
  /** An Owner or Manager removes a person from the business; the team as it now stands. */
  removeMember: (id: string, userId: string) =>
    ok(http.DELETE("/api/businesses/{id}/members/{userId}", { params: { path: { id, userId } } })),
  inviteMember: (id: string, body: InviteMemberRequest) =>
    ok(http.POST("/api/businesses/{id}/invitations", { params: { path: { id } }, body })),
  invitations: (id: string) => ok(http.GET("/api/businesses/{id}/invitations", { params: { path: { id } } })),
  revokeInvitation: (id: string, invitationId: string) =>
    ok(http.DELETE("/api/businesses/{id}/invitations/{invitationId}", { params: { path: { id, invitationId } } })),
  myInvitations: () => ok(http.GET("/api/me/invitations")),
  /** What the signed-in user must do now, soonest deadline first. */
  myToDo: () => ok(http.GET("/api/me/todo")),
  acceptInvitation: (id: string, invitationId: string) =>
    ok(http.POST("/api/businesses/{id}/invitations/{invitationId}/accept", { params: { path: { id, invitationId } } })),
  declineInvitation: (id: string, invitationId: string) =>
    done(http.POST("/api/businesses/{id}/invitations/{invitationId}/decline", { params: { path: { id, invitationId } } })),
  /** Sets the business's logo: the image's bytes as they are, with the file's name (its extension must agree). */
  uploadLogo: (id: string, file: Blob, name: string) =>
    ok(
      http.PUT("/api/businesses/{id}/logo", { params: { path: { id }, query: { name } }, ...fileBody(file) }),
    ),
  removeLogo: (id: string) => ok(http.DELETE("/api/businesses/{id}/logo", { params: { path: { id } } })),
  /** The associations that vouch for the business's current size and VAT number. */
  verifications: (id: string) => ok(http.GET("/api/businesses/{id}/verifications", { params: { path: { id } } })),

  searchCpv: (q: string, limit = 20) => ok(http.GET("/api/reference/cpv", { params: { query: { q, limit } } })),
  cpvTree: (parent?: string) => ok(http.GET("/api/reference/cpv/tree", { params: { query: parent ? { parent } : {} } })),
  searchComuni: (q: string, limit = 20) => ok(http.GET("/api/reference/comuni", { params: { query: { q, limit } } })),

  spaces: () => ok(http.GET("/api/spaces")),
  /** The associations the user may create a space for. */
  spaceHosts: () => ok(http.GET("/api/spaces/hosts")),
  createSpace: (body: CreateSpaceRequest) => ok(http.POST("/api/spaces", { body })),
  space: (id: string) => ok(http.GET("/api/spaces/{id}", { params: { path: { id } } })),
  editSpaceSettings: (id: string, body: EditSpaceSettingsRequest) =>
    ok(http.PUT("/api/spaces/{id}/settings", { params: { path: { id } }, body })),
  publishPolicy: (id: string, body: PublishPolicyRequest) =>
    ok(http.POST("/api/spaces/{id}/policy", { params: { path: { id } }, body })),
  spaceMembers: (id: string) => ok(http.GET("/api/spaces/{id}/members", { params: { path: { id } } })),
  /** Searches the space's member firms; `query` as built by directory-filters.ts (apiQuery). */
  spaceDirectory: (id: string, query: DirectoryQuery) =>
    ok(http.GET("/api/spaces/{id}/directory", { params: { path: { id }, query } })),
  spaceDashboard: (id: string) => ok(http.GET("/api/spaces/{id}/dashboard", { params: { path: { id } } })),
  spaceOutcomes: (id: string) => ok(http.GET("/api/spaces/{id}/outcomes", { params: { path: { id } } })),
  /** What moved in the space since the viewer (an admin) last checked its dashboard. */
  dashboardChanges: (id: string) => ok(http.GET("/api/spaces/{id}/dashboard/changes", { params: { path: { id } } })),
  /** The viewer marks the dashboard checked up to the moment the changes they read were counted to. */
  checkDashboard: (id: string, body: CheckDashboardRequest) => ok(http.POST("/api/spaces/{id}/dashboard/checks", { params: { path: { id } }, body })),
  setSpaceTargets: (id: string, body: SetTargetsRequest) => ok(http.PUT("/api/spaces/{id}/targets", { params: { path: { id } }, body })),
  /** A download link: it cannot send the app's language as a header, so it names it. */
  spaceOutcomesCsvUrl: (id: string, lang: string) => `/api/spaces/${encodeURIComponent(id)}/outcomes.csv?lang=${lang}`,
  spaceMemberships: (id: string) => ok(http.GET("/api/spaces/{id}/memberships", { params: { path: { id } } })),
  spaceHistory: (id: string) => ok(http.GET("/api/spaces/{id}/history", { params: { path: { id } } })),
  apply: (id: string, body: ApplyRequest) => ok(http.POST("/api/spaces/{id}/applications", { params: { path: { id } }, body })),
  invite: (id: string, body: InviteRequest) => ok(http.POST("/api/spaces/{id}/invitations", { params: { path: { id } }, body })),
  withdraw: (id: string, firmId: string) =>
    ok(http.POST("/api/spaces/{id}/firms/{firmId}/withdraw", { params: { path: { id, firmId } } })),
  leave: (id: string, firmId: string) => ok(http.POST("/api/spaces/{id}/firms/{firmId}/leave", { params: { path: { id, firmId } } })),
  acceptPolicy: (id: string, firmId: string, body: AcceptPolicyRequest) =>
    ok(http.POST("/api/spaces/{id}/firms/{firmId}/accept-policy", { params: { path: { id, firmId } }, body })),
  decide: (id: string, firmId: string, body: DecisionRequest) =>
    ok(http.POST("/api/spaces/{id}/firms/{firmId}/decision", { params: { path: { id, firmId } }, body })),
  vouch: (id: string, firmId: string) => ok(http.POST("/api/spaces/{id}/firms/{firmId}/vouch", { params: { path: { id, firmId } } })),
  revokeVouch: (id: string, firmId: string) =>
    ok(http.DELETE("/api/spaces/{id}/firms/{firmId}/vouch", { params: { path: { id, firmId } } })),
  /** A member firm's qualifications with the space's checks that hold, for the space's admins. */
  memberQualifications: (id: string, firmId: string) =>
    ok(http.GET("/api/spaces/{id}/firms/{firmId}/qualifications", { params: { path: { id, firmId } } })),
  /** The admin marks the member's attestation of the category as checked, as read at the business's version. */
  vouchForAttestation: (id: string, firmId: string, category: string, version: number) =>
    ok(http.POST("/api/spaces/{id}/firms/{firmId}/qualifications/attestations/{category}/vouch",
      { params: { path: { id, firmId, category } }, body: { version } })),
  withdrawAttestationVouch: (id: string, firmId: string, category: string) =>
    ok(http.DELETE("/api/spaces/{id}/firms/{firmId}/qualifications/attestations/{category}/vouch", { params: { path: { id, firmId, category } } })),
  vouchForFigures: (id: string, firmId: string, version: number) =>
    ok(http.POST("/api/spaces/{id}/firms/{firmId}/qualifications/figures/vouch", { params: { path: { id, firmId } }, body: { version } })),
  withdrawFiguresVouch: (id: string, firmId: string) =>
    ok(http.DELETE("/api/spaces/{id}/firms/{firmId}/qualifications/figures/vouch", { params: { path: { id, firmId } } })),
  /** The buyers of a space (requests, approvals, mandates, history): for its admins. */
  importFeeds: (id: string) => ok(http.GET("/api/spaces/{id}/opportunities/feeds", { params: { path: { id } } })),
  addImportFeed: (id: string, body: AddImportFeedRequest) => ok(http.POST("/api/spaces/{id}/opportunities/feeds", { params: { path: { id } }, body })),
  fetchImportFeed: (id: string, feedId: string) =>
    ok(http.POST("/api/spaces/{id}/opportunities/feeds/{feedId}/fetch", { params: { path: { id, feedId } } })),
  removeImportFeed: (id: string, feedId: string) =>
    done(http.DELETE("/api/spaces/{id}/opportunities/feeds/{feedId}", { params: { path: { id, feedId } } })),
  /** The tenders member firms proposed to a space: all of them for its admins, a firm's own for its people. */
  opportunityProposals: (id: string) => ok(http.GET("/api/spaces/{id}/opportunities/proposals", { params: { path: { id } } })),
  importProposal: (id: string, proposalId: string) =>
    ok(http.POST("/api/spaces/{id}/opportunities/proposals/{proposalId}/import", { params: { path: { id, proposalId } } })),
  declineProposal: (id: string, proposalId: string, body: DeclineProposalRequest) =>
    ok(http.POST("/api/spaces/{id}/opportunities/proposals/{proposalId}/decline", { params: { path: { id, proposalId } }, body })),
  withdrawProposal: (id: string, proposalId: string) =>
    ok(http.POST("/api/spaces/{id}/opportunities/proposals/{proposalId}/withdraw", { params: { path: { id, proposalId } } })),
  /** A person reports a post, a project or a firm to a space's association for one of their firms. */
  fileReport: (body: FileReportRequest) => ok(http.POST("/api/reports", { body })),
  /** For each of the viewer's firms, the spaces it shares with the firm to report: where a report may go. */
  reportChoices: (firmId: string) => ok(http.GET("/api/reports/choices", { params: { query: { firmId } } })),
  /** The firm's reports with the association's answers: its own people only. */
  firmReports: (id: string) => ok(http.GET("/api/businesses/{id}/reports", { params: { path: { id } } })),
  /** The space's moderation queue: its admins only. */
  reportQueue: (id: string) => ok(http.GET("/api/spaces/{id}/reports", { params: { path: { id } } })),
  decideReports: (id: string, body: DecideReportsRequest) => done(http.POST("/api/spaces/{id}/reports/decisions", { params: { path: { id } }, body })),
  announcements: (id: string) => ok(http.GET("/api/spaces/{id}/announcements", { params: { path: { id } } })),
  postAnnouncement: (id: string, body: AnnouncementRequest) => ok(http.POST("/api/spaces/{id}/announcements", { params: { path: { id } }, body })),
  editAnnouncement: (id: string, announcementId: string, body: EditAnnouncementRequest) =>
    ok(http.PUT("/api/spaces/{id}/announcements/{announcementId}", { params: { path: { id, announcementId } }, body })),
  withdrawAnnouncement: (id: string, announcementId: string, version: number) =>
    done(http.POST("/api/spaces/{id}/announcements/{announcementId}/withdraw", { params: { path: { id, announcementId } }, body: { version } })),
  spaceBuyers: (id: string) => ok(http.GET("/api/spaces/{id}/buyers", { params: { path: { id } } })),
  requestPublishing: (id: string, buyerId: string) =>
    ok(http.POST("/api/spaces/{id}/buyers/{buyerId}/request", { params: { path: { id, buyerId } } })),
  decideBuyer: (id: string, buyerId: string, body: BuyerDecisionRequest) =>
    ok(http.POST("/api/spaces/{id}/buyers/{buyerId}/decision", { params: { path: { id, buyerId } }, body })),
  /** A buyer's standing in every space it dealt with: for the buyer's people. */
  buyerSpaces: (id: string) => ok(http.GET("/api/businesses/{id}/spaces", { params: { path: { id } } })),
  /** The spaces a buyer has not dealt with where the user may ask to publish for it, with what they may do there. */
  buyerSpaceChoices: (id: string) => ok(http.GET("/api/businesses/{id}/spaces/choices", { params: { path: { id } } })),
  grantMandate: (id: string, body: MandateRequest) =>
    ok(http.POST("/api/businesses/{id}/mandates", { params: { path: { id } }, body })),
  revokeMandate: (id: string, spaceId: string) =>
    ok(http.DELETE("/api/businesses/{id}/mandates/{spaceId}", { params: { path: { id, spaceId } } })),
  addModerator: (id: string, body: ModeratorRequest) =>
    ok(http.POST("/api/spaces/{id}/moderators", { params: { path: { id } }, body })),
  removeModerator: (id: string, userId: string) =>
    ok(http.DELETE("/api/spaces/{id}/moderators/{userId}", { params: { path: { id, userId } } })),

  /** The space's notice board for its members and admins, filtered (kind, CPV division, matching the viewer's firms). */
  board: (id: string, query: { kind?: PostKind; division?: string; matching?: boolean }) =>
    ok(http.GET("/api/spaces/{id}/posts", { params: { path: { id }, query } })),
  publishPost: (id: string, body: PublishPostRequest) => ok(http.POST("/api/spaces/{id}/posts", { params: { path: { id } }, body })),
  post: (id: string) => ok(http.GET("/api/posts/{id}", { params: { path: { id } } })),
  /** The open posts of the firm's spaces' boards that match its capabilities (its people only). */
  inboxPosts: (id: string) => ok(http.GET("/api/businesses/{id}/inbox/posts", { params: { path: { id } } })),
  editPost: (id: string, body: EditPostRequest) => ok(http.PUT("/api/posts/{id}", { params: { path: { id } }, body })),
  closePost: (id: string) => ok(http.POST("/api/posts/{id}/close", { params: { path: { id } } })),
  moderatePost: (id: string, body: ModeratePostRequest) => ok(http.POST("/api/posts/{id}/moderation", { params: { path: { id } }, body })),
  expressInterest: (id: string, body: ExpressInterestRequest) => ok(http.POST("/api/posts/{id}/interests", { params: { path: { id } }, body })),
  acceptInterest: (id: string, firmId: string) =>
    ok(http.POST("/api/posts/{id}/interests/{firmId}/accept", { params: { path: { id, firmId } } })),

  publishShowcase: (body: PublishShowcaseRequest) => ok(http.POST("/api/showcase", { body })),
  showcaseProject: (id: string) => ok(http.GET("/api/showcase/{id}", { params: { path: { id } } })),
  editShowcase: (id: string, body: EditShowcaseRequest) => ok(http.PUT("/api/showcase/{id}", { params: { path: { id } }, body })),
  answerShowcase: (id: string, body: AnswerShowcaseRequest) =>
    ok(http.POST("/api/showcase/{id}/answers", { params: { path: { id } }, body })),
  verifyShowcase: (id: string, body: VerifyShowcaseRequest) =>
    ok(http.POST("/api/showcase/{id}/verification", { params: { path: { id } }, body })),
  /** Verified projects for everybody; all of them (with the partners' answers) for the firm's own people. */
  businessShowcase: (id: string) => ok(http.GET("/api/businesses/{id}/showcase", { params: { path: { id } } })),
  spaceShowcase: (id: string) => ok(http.GET("/api/spaces/{id}/showcase", { params: { path: { id } } })),
  endorsements: (id: string) => ok(http.GET("/api/businesses/{id}/endorsements", { params: { path: { id } } })),
  endorse: (id: string, body: EndorseRequest) =>
    ok(http.POST("/api/businesses/{id}/endorsements", { params: { path: { id } }, body })),
  withdrawEndorsement: (id: string, endorserId: string) =>
    done(http.DELETE("/api/businesses/{id}/endorsements/{endorserId}", { params: { path: { id, endorserId } } })),

  /** Uploads a file for a business (the file itself is the body), to attach to a tender or a bid. */
  uploadDocument: (id: string, file: Blob, name: string) =>
    ok(
      http.POST("/api/businesses/{id}/documents", { params: { path: { id }, query: { name } }, ...fileBody(file) }),
    ),
  /** Where a tender's document is downloaded (a link, not a fetch: the browser saves the file). */
  tenderDocumentUrl: (id: string, documentId: string) => link("/api/tenders/{id}/documents/{documentId}", { id, documentId }),
  bidDocumentUrl: (id: string, bidderId: string, documentId: string) =>
    link("/api/tenders/{id}/bids/{bidderId}/documents/{documentId}", { id, bidderId, documentId }),

  draftTender: (body: DraftTenderRequest) => ok(http.POST("/api/tenders", { body })),
  tender: (id: string) => ok(http.GET("/api/tenders/{id}", { params: { path: { id } } })),
  editTender: (id: string, body: EditTenderRequest) => ok(http.PUT("/api/tenders/{id}", { params: { path: { id } }, body })),
  publishTender: (id: string, version: number) =>
    ok(http.POST("/api/tenders/{id}/publish", { params: { path: { id } }, body: { version } })),
  amendTender: (id: string, body: AmendTenderRequest) =>
    ok(http.POST("/api/tenders/{id}/amendments", { params: { path: { id } }, body })),
  askQuestion: (id: string, body: AskRequest) => ok(http.POST("/api/tenders/{id}/questions", { params: { path: { id } }, body })),
  answerQuestion: (id: string, number: number, text: string) =>
    ok(http.POST("/api/tenders/{id}/questions/{number}/answer", { params: { path: { id, number } }, body: { text } })),
  scoreBid: (id: string, body: ScoreRequest) => ok(http.POST("/api/tenders/{id}/scores", { params: { path: { id } }, body })),
  decideLot: (id: string, body: DecideRequest) => ok(http.POST("/api/tenders/{id}/decisions", { params: { path: { id } }, body })),
  excludeBid: (id: string, body: ExcludeRequest) => ok(http.POST("/api/tenders/{id}/exclusions", { params: { path: { id } }, body })),
  readmitBid: (id: string, bidId: string) => ok(http.DELETE("/api/tenders/{id}/exclusions/{bidId}", { params: { path: { id, bidId } } })),
  requestSoccorso: (id: string, body: SoccorsoRequestBody) => ok(http.POST("/api/tenders/{id}/soccorso", { params: { path: { id } }, body })),
  withdrawSoccorso: (id: string, number: number) =>
    ok(http.DELETE("/api/tenders/{id}/soccorso/{number}", { params: { path: { id, number } } })),
  bidSoccorso: (id: string, bidderId: string) =>
    ok(http.GET("/api/tenders/{id}/bids/{bidderId}/soccorso", { params: { path: { id, bidderId } } })),
  answerSoccorso: (id: string, bidderId: string, number: number, body: SoccorsoAnswerBody) =>
    ok(http.POST("/api/tenders/{id}/bids/{bidderId}/soccorso/{number}/answer", { params: { path: { id, bidderId, number } }, body })),
  soccorsoDocumentUrl: (id: string, bidderId: string, number: number) =>
    link("/api/tenders/{id}/bids/{bidderId}/soccorso/{number}/document", { id, bidderId, number }),
  cancelTender: (id: string, text: string) =>
    ok(http.POST("/api/tenders/{id}/cancel", { params: { path: { id } }, body: { text } })),
  completeTender: (id: string) => ok(http.POST("/api/tenders/{id}/complete", { params: { path: { id } } })),
  tenderAudit: (id: string) => ok(http.GET("/api/tenders/{id}/audit", { params: { path: { id } } })),
  /** The buyer's ranking per lot, once the bids are opened (403 for others, 409 before). */
  evaluation: (id: string) => ok(http.GET("/api/tenders/{id}/evaluation", { params: { path: { id } } })),
  /** The published tenders across the viewer's spaces; `query` as the tenders page builds it. */
  searchTenders: (query: TenderSearchQuery) => ok(http.GET("/api/tenders", { params: { query } })),
  spaceTenders: (id: string) => ok(http.GET("/api/spaces/{id}/tenders", { params: { path: { id } } })),
  buyerTenders: (id: string) => ok(http.GET("/api/businesses/{id}/tenders", { params: { path: { id } } })),

  submitBid: (id: string, bidderId: string, body: SubmitBidRequest) =>
    ok(http.PUT("/api/tenders/{id}/bids/{bidderId}", { params: { path: { id, bidderId } }, body })),
  withdrawBid: (id: string, bidderId: string) =>
    ok(http.DELETE("/api/tenders/{id}/bids/{bidderId}", { params: { path: { id, bidderId } } })),
  /** A bid, for its firm's people, and for the buyer once opened; 404 to anyone else (it is sealed). */
  bid: (id: string, bidderId: string) => ok(http.GET("/api/tenders/{id}/bids/{bidderId}", { params: { path: { id, bidderId } } })),
  bidResult: (id: string, bidderId: string) =>
    ok(http.GET("/api/tenders/{id}/bids/{bidderId}/result", { params: { path: { id, bidderId } } })),
  firmBids: (id: string) => ok(http.GET("/api/businesses/{id}/bids", { params: { path: { id } } })),

  inbox: (id: string) => ok(http.GET("/api/businesses/{id}/inbox", { params: { path: { id } } })),
  /** Everything in the signed-in person's inboxes is read from now on. */
  markInboxRead: () => done(http.POST("/api/inbox/read")),

  /** A new alliance led by one of the user's firms: for a tender (an RTI) or, with no tender, standing (rete d'impresa). */
  formAlliance: (body: FormAllianceRequest) => ok(http.POST("/api/alliances", { body })),
  /** Where the user may form an alliance: for a tender (null: a standing one), for one firm (null: any they lead for). */
  allianceFormChoices: (tenderId: string | null, leadId: string | null) =>
    ok(http.GET("/api/alliances/choices", { params: { query: { ...(tenderId ? { tenderId } : {}), ...(leadId ? { leadId } : {}) } } })),
  /** A rete d'impresa forms an RTI for a tender of its space, its firms invited (its lead's Owners and Managers only). */
  formRtiFromRete: (id: string, tenderId: string) => ok(http.POST("/api/alliances/{id}/rti", { params: { path: { id } }, body: { tenderId } })),
  /** The RTIs a rete formed and how far each got, for the people of its active firms. */
  reteRtis: (id: string) => ok(http.GET("/api/alliances/{id}/rtis", { params: { path: { id } } })),
  /** The reti the viewer leads that could bid for the tender, each with whether it may now or why not. */
  reteChoices: (tenderId: string) => ok(http.GET("/api/alliances/rete-choices", { params: { query: { tenderId } } })),
  /** An alliance, for the people of its active and invited firms; 404 to anyone else. */
  alliance: (id: string) => ok(http.GET("/api/alliances/{id}", { params: { path: { id } } })),
  /** The firms the lead's Owners and Managers may invite now, by name, as the invite rule judges them. */
  allianceInvitees: (id: string) => ok(http.GET("/api/alliances/{id}/invitees", { params: { path: { id } } })),
  inviteToAlliance: (id: string, body: AllianceInviteRequest) =>
    ok(http.POST("/api/alliances/{id}/invitations", { params: { path: { id } }, body })),
  /** The invited firm accepts (with the agreement version it read) or declines. */
  answerAlliance: (id: string, firmId: string, body: AllianceAnswerRequest) =>
    ok(http.POST("/api/alliances/{id}/firms/{firmId}/answer", { params: { path: { id, firmId } }, body })),
  leaveAlliance: (id: string, firmId: string) =>
    ok(http.POST("/api/alliances/{id}/firms/{firmId}/leave", { params: { path: { id, firmId } } })),
  /** The lead removes an active firm or withdraws an invitation, saying why. */
  removeFromAlliance: (id: string, firmId: string, reason: string) =>
    ok(http.POST("/api/alliances/{id}/firms/{firmId}/remove", { params: { path: { id, firmId } }, body: { reason } })),
  handOverAlliance: (id: string, firmId: string) =>
    ok(http.POST("/api/alliances/{id}/lead", { params: { path: { id } }, body: { firmId } })),
  publishAllianceAgreement: (id: string, text: string) =>
    ok(http.POST("/api/alliances/{id}/agreement", { params: { path: { id } }, body: { text } })),
  acceptAllianceAgreement: (id: string, firmId: string, version: number) =>
    ok(http.POST("/api/alliances/{id}/firms/{firmId}/accept-agreement", { params: { path: { id, firmId } }, body: { version } })),
  /** The tender's lots and CPV codes against the capabilities of the alliance's active firms (409 for a standing alliance). */
  allianceCoverage: (id: string) => ok(http.GET("/api/alliances/{id}/coverage", { params: { path: { id } } })),
  /** Whether the alliance's active firms qualify for each lot stating requirements (the server's rules; its firms' people only). */
  allianceQualification: (id: string) => ok(http.GET("/api/alliances/{id}/qualification", { params: { path: { id } } })),
  /** Firms of the space that would fill the coverage's gaps (for the people of its active firms). */
  allianceSuggestions: (id: string) => ok(http.GET("/api/alliances/{id}/suggestions", { params: { path: { id } } })),

  /** A page of one of the alliance's threads (the general one without a package or a criterion), newest first, older than `before`. */
  threadMessages: (id: string, query: { packageId?: string; criterion?: number; before?: number }) =>
    ok(http.GET("/api/alliances/{id}/messages", { params: { path: { id }, query } })),
  /** Writes in one of the alliance's threads, for one of the viewer's active firms (Owners and Managers). */
  postThreadMessage: (id: string, body: PostMessageRequest) => ok(http.POST("/api/alliances/{id}/messages", { params: { path: { id } }, body })),
  /** Whom the viewer may mention in the alliance's conversation: the people of its active firms, but the viewer. */
  threadPeople: (id: string) => ok(http.GET("/api/alliances/{id}/messages/people", { params: { path: { id } } })),
  /** The viewer saw a message live on the conversation's page: a mention of them in it sends no e-mail. */
  markThreadMessageSeen: (id: string, messageId: string) =>
    ok(http.POST("/api/alliances/{id}/messages/{messageId}/seen", { params: { path: { id, messageId } } })),

  /** The joint bid of an alliance formed for a tender: for the people of its active firms, 404 to anyone else. */
  jointBid: (id: string) => ok(http.GET("/api/alliances/{id}/bid", { params: { path: { id } } })),
  /** Adds a work package (id null, version 0) or saves one at the version it was read (409 if someone saved it since). */
  saveWorkPackage: (id: string, body: SaveWorkPackageRequest) =>
    ok(http.POST("/api/alliances/{id}/bid/work-packages", { params: { path: { id } }, body })),
  deleteWorkPackage: (id: string, packageId: string, version: number) =>
    ok(http.DELETE("/api/alliances/{id}/bid/work-packages/{packageId}", { params: { path: { id, packageId }, query: { version } } })),
  /** The answer to one quality criterion, at the version it was read (0 when there is none yet). */
  saveJointAnswer: (id: string, criterion: number, body: SaveAnswerRequest) =>
    ok(http.PUT("/api/alliances/{id}/bid/answers/{criterion}", { params: { path: { id, criterion } }, body })),
  /** The participation and execution quotas as a whole, from the version read; any change voids every approval. */
  saveJointBidQuotas: (id: string, body: SaveQuotasRequest) => ok(http.PUT("/api/alliances/{id}/bid/quotas", { params: { path: { id } }, body })),
  /** Replaces the joint bid's subcontracting declarations as a whole, from the version read; any change voids every approval. */
  saveJointBidSubcontracts: (id: string, body: SaveSubcontractsRequest) =>
    ok(http.PUT("/api/alliances/{id}/bid/subcontracts", { params: { path: { id } }, body })),
  saveJointBidReliances: (id: string, body: SaveReliancesRequest) =>
    ok(http.PUT("/api/alliances/{id}/bid/reliances", { params: { path: { id } }, body })),
  /** A firm attaches its own uploads to the joint bid (an Owner or Manager of it); any change voids every approval. */
  attachJointDocuments: (id: string, body: AttachDocumentsRequest) =>
    ok(http.POST("/api/alliances/{id}/bid/documents", { params: { path: { id } }, body })),
  /** The firm that attached the file, or the lead, takes it off. */
  detachJointDocument: (id: string, documentId: string) =>
    ok(http.DELETE("/api/alliances/{id}/bid/documents/{documentId}", { params: { path: { id, documentId } } })),
  jointDocumentUrl: (id: string, documentId: string) => link("/api/alliances/{id}/bid/documents/{documentId}", { id, documentId }),
  /** What an auxiliary firm's people see of a joint bid (avvalimento): only their firms' reliances; 404 to anyone else. */
  jointBidLending: (id: string) => ok(http.GET("/api/alliances/{id}/bid/lending", { params: { path: { id } } })),
  /** The auxiliary's Owner or Manager commits to (or declines) a reliance as read, named by its digest (409 if it changed since). */
  answerJointBidLending: (id: string, body: AnswerLendingRequest) =>
    ok(http.POST("/api/alliances/{id}/bid/lending/answer", { params: { path: { id } }, body })),
  lendingContractUrl: (id: string, documentId: string) => link("/api/alliances/{id}/bid/lending/contracts/{documentId}", { id, documentId }),
  /** A bidding firm approves exactly the content it saw, named by its digest (409 if it changed since). */
  signJointBid: (id: string, body: SignRequest) => ok(http.POST("/api/alliances/{id}/bid/sign", { params: { path: { id } }, body })),
  /** The lead submits what every bidding firm signed, as the alliance's sealed bid; the answer carries the receipt. */
  submitJointBid: (id: string) => ok(http.POST("/api/alliances/{id}/bid/submit", { params: { path: { id } } })),
  withdrawJointBid: (id: string) => ok(http.POST("/api/alliances/{id}/bid/withdraw", { params: { path: { id } } })),

  /** The firm's active alliances and pending invitations, for its people. */
  firmAlliances: (id: string) => ok(http.GET("/api/businesses/{id}/alliances", { params: { path: { id } } })),
  /** The firm's relationship ledger, for its people (403 for others): partners by lots won, then joint bids, then name. */
  relationships: (id: string) => ok(http.GET("/api/businesses/{id}/relationships", { params: { path: { id } } })),
};
