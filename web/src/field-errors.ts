// The server's validation errors, in the UI's language, for every form: businesses (create, edit the profile,
// add a member), spaces (create, edit the settings, publish a policy, apply, decide, invite, moderators), a
// space's directory search, whose errors name its query parameters (cpv, near, radiusKm, …), tenders (the
// tender form, questions, evaluation), bids and uploaded documents, whose errors name nested fields
// (`lots[0].cpv[1]`, `criteria[2].weight`, `answers[3]`), alliances (form, invite, remove, new terms) and their
// joint bids (a work package, an answer, attached files).
// The server names the field of each error (`vatNumber`, `capabilities[2]`, `territoryProvinces[0]`, `body` for
// an unreadable request) and writes its message in English; the message shown here is chosen by the field and
// filled in from the request that was sent. The rules and limits are those of Marketplace.Grains:
// Businesses/ProfileRules.cs and BusinessState.cs, Spaces/SpaceRules.cs and SpaceState.cs.
//
// Refusals the server codes are translated by their code (i18n/refusals). TODO(#16): the rest of this file, which
// chooses a message by the field and the English text, goes when every field error is coded.
import { baseField, itemIndex, messageOf, messagesAt, messagesFor, otherMessages, type Describe, type FieldError, type FieldErrors } from "./api/problem";
import { t, type MessageKey } from "./i18n";
import { refusalText } from "./i18n/refusals";

/** The request that failed, or the part of it that the messages name (a refused CPV code, a tag). */
export type SentRequest = object;

type Params = Record<string, string | number>;

/**
 * The form an error comes from, for the few field names two forms use with different rules (a business's
 * `name` is 2–200 characters, a space's 3–120). Without one, the business rules apply.
 */
export type FormName = "business" | "space" | "directory" | "tender" | "bid" | "document" | "alliance" | "jointBid";

interface Message {
  key: MessageKey;
  /**
   * Placeholders filled from the numbers in the server's message, in order, when it has exactly that many
   * (so a changed limit shows as the server enforces it); otherwise from these defaults.
   */
  numbers?: readonly (readonly [name: string, fallback: number])[];
}

interface Rule extends Message {
  /** For a list field: the message about one item, `{item}` being the value sent. */
  item?: Message & { at: MessageKey };
  /** More placeholders, filled when the message is shown (labels in the current language, figures from the request). */
  params?: (sent?: SentRequest) => Params;
  /** A different message when nothing was sent for the field (nothing, a blank text or an empty list). */
  missing?: MessageKey;
  /** A different message chosen from what was sent, when one field has several rules (the criteria's weights). */
  variant?: (value: unknown, sent: SentRequest | undefined) => MessageKey | undefined;
  /** For a nested item (`lots[0].cpv[1]`) whose message quotes `{item}`: the message when its value is unknown. */
  unquoted?: MessageKey;
}

const rules: Record<string, Rule> = {
  name: { key: "validation.name", numbers: [["min", 2], ["max", 200]] },
  vatNumber: { key: "validation.vatNumber" },
  description: { key: "validation.description", numbers: [["max", 4000]] },
  capabilities: {
    key: "validation.capabilities",
    numbers: [["max", 100]],
    item: { key: "validation.capability", at: "validation.capabilityAt" },
  },
  tags: {
    key: "validation.tags",
    numbers: [["max", 20]],
    item: { key: "validation.tag", at: "validation.tagAt", numbers: [["min", 1], ["max", 40]] },
  },
  comuneCode: { key: "validation.comuneCode" },
  address: { key: "validation.address", numbers: [["max", 200]] },
  size: { key: "validation.size" },
  website: { key: "validation.website" },
  contactEmail: { key: "validation.contactEmail" },
  contactPhone: { key: "validation.contactPhone", numbers: [["min", 6], ["max", 20]] },
  kind: {
    key: "validation.kind",
    params: () => ({ firm: t("kind.Firm"), association: t("kind.Association"), buyer: t("kind.Buyer") }),
  },
  email: { key: "validation.email", missing: "validation.emailMissing" },
  role: { key: "validation.role", params: () => ({ manager: t("role.Manager"), viewer: t("role.Viewer") }) },
  version: { key: "validation.version" },
  body: { key: "validation.body" },

  hostId: { key: "validation.hostId" },
  territoryComuni: {
    key: "validation.territoryComuni",
    numbers: [["max", 500]],
    item: { key: "validation.territoryComune", at: "validation.territoryComuneAt" },
  },
  territoryProvinces: {
    key: "validation.territoryProvinces",
    numbers: [["max", 500]],
    item: { key: "validation.territoryProvince", at: "validation.territoryProvinceAt" },
  },
  visibility: {
    key: "validation.visibility",
    params: () => ({ public: t("visibility.Public"), membersOnly: t("visibility.MembersOnly") }),
  },
  policyText: { key: "validation.policyText", numbers: [["max", 20000]] },
  message: { key: "validation.message", numbers: [["max", 2000]] },
  reason: { key: "validation.reason", numbers: [["max", 1000]], missing: "validation.reasonMissing" },
  firmId: { key: "validation.firmId" },
  decision: { key: "validation.decision" },
  acceptedPolicyVersion: { key: "validation.acceptedPolicyVersion" },

  // Showcase projects and endorsements: Marketplace.Grains/Showcase (ShowcaseRules.cs, ShowcaseState.cs).
  title: { key: "validation.showcaseTitle", numbers: [["min", 3], ["max", 200]] },
  client: { key: "validation.client", numbers: [["max", 200]] },
  year: { key: "validation.year", numbers: [["min", 1950], ["max", new Date().getFullYear()]] },
  "value.amount": { key: "validation.valueAmount" },
  "value.currency": { key: "validation.valueCurrency" },
  cpv: {
    key: "validation.cpvList",
    numbers: [["max", 20]],
    item: { key: "validation.cpvItem", at: "validation.cpvItemAt" },
  },
  partners: {
    key: "validation.partners",
    numbers: [["min", 1], ["max", 20]],
    item: { key: "validation.partner", at: "validation.partnerAt" },
  },
  partnerId: { key: "validation.partnerId" },
  text: { key: "validation.endorsementText", numbers: [["max", 1000]] },
  endorserFirmId: { key: "validation.endorserFirmId" },
  projectId: { key: "validation.projectId" },
  confirm: { key: "validation.confirm" },
};

/** Rules of one form that differ from, or are missing in, the shared table. */
const formRules: Record<FormName, Record<string, Rule>> = {
  business: {},
  space: {
    name: { key: "validation.spaceName", numbers: [["min", 3], ["max", 120]] },
    version: { key: "validation.spaceVersion" },
    // The policy's text, when publishing a new version (`policyText` when creating the space).
    text: { key: "validation.policyText", numbers: [["max", 20000]] },
  },
  // Marketplace.Data/ReadModels/DirectorySearch.cs (Normalize).
  directory: {
    cpv: { key: "validation.cpvFilter" },
    comune: { key: "validation.comuneCode" },
    near: { key: "validation.comuneCode" },
    radiusKm: { key: "validation.radiusKm", numbers: [["min", 1], ["max", 300]] },
    // Marketplace.Server/Endpoints/InputRules.cs (search words).
    q: { key: "validation.searchWords", numbers: [["words", 10], ["length", 200]] },
    province: { key: "validation.provinceFilter" },
    region: { key: "validation.regionFilter" },
    size: { key: "validation.size" },
  },
  // Marketplace.Grains/Tenders (TenderRules.cs, TenderState.cs) and the tender endpoints. Nested keys are written
  // with `[]` for their indexes: `lots[].cpv[]` is the rule of `lots[0].cpv[1]`; `{n}` is the first index + 1.
  tender: {
    title: { key: "tenders.validation.title", numbers: [["min", 3], ["max", 200]] },
    description: { key: "validation.description", numbers: [["max", 8000]] },
    buyerId: { key: "tenders.validation.buyerId" },
    spaces: { key: "tenders.validation.spaces", numbers: [["min", 1], ["max", 10]] },
    "spaces[]": { key: "tenders.validation.space" },
    lots: { key: "tenders.validation.lots", numbers: [["min", 1], ["max", 50]] },
    "lots[].title": { key: "tenders.validation.lotTitle", numbers: [["max", 200]] },
    "lots[].description": { key: "tenders.validation.lotDescription", numbers: [["max", 8000]] },
    "lots[].cpv": { key: "tenders.validation.lotCpvMax", numbers: [["max", 20]], missing: "tenders.validation.lotCpvMissing" },
    "lots[].cpv[]": { key: "tenders.validation.lotCpvItem", unquoted: "tenders.validation.lotCpvItemAt" },
    "lots[].estimatedValue": { key: "tenders.validation.lotValue" },
    "lots[].estimatedValue.amount": { key: "tenders.validation.lotValue" },
    "lots[].estimatedValue.currency": { key: "tenders.validation.lotCurrency" },
    "lots[].comuneCode": { key: "tenders.validation.lotComune" },
    "lots[].number": { key: "tenders.validation.lotNumber" },
    eligibility: { key: "tenders.validation.eligibility", numbers: [["max", 20]] },
    "eligibility[]": { key: "tenders.validation.requirement", numbers: [["min", 1], ["max", 1000]] },
    criteria: {
      key: "tenders.validation.criteriaCount",
      numbers: [["min", 1], ["max", 10]],
      variant: (value) => criteriaProblem(value),
      params: (sent) => ({ sum: criteriaWeightSum(sentValue(sent, "criteria", null)) }),
    },
    "criteria[].name": { key: "tenders.validation.criterionName", numbers: [["max", 200]] },
    "criteria[].kind": { key: "tenders.validation.criterionKind" },
    "criteria[].weight": { key: "tenders.validation.criterionWeight", numbers: [["min", 1], ["max", 100]] },
    "criteria[].number": { key: "tenders.validation.criterionNumber" },
    enquiryDeadline: { key: "tenders.validation.enquiryFuture", missing: "tenders.validation.enquiryMissing" },
    submissionDeadline: {
      key: "tenders.validation.submissionAfter",
      missing: "tenders.validation.submissionMissing",
      // An amendment's request has a summary; its deadline may only move later.
      variant: (_value, sent) =>
        sent && "summary" in sent && !deadlinesOutOfOrder(sent) ? "tenders.validation.submissionEarlier" : undefined,
    },
    contractStart: { key: "tenders.validation.contractStart" },
    contractEnd: { key: "tenders.validation.contractEnd" },
    documents: { key: "tenders.validation.documents", numbers: [["max", 20]] },
    "documents[]": { key: "tenders.validation.document", unquoted: "tenders.validation.documentAt" },
    summary: { key: "tenders.validation.summary", numbers: [["max", 4000]] },
    version: { key: "tenders.validation.version" },
    text: { key: "tenders.validation.text", numbers: [["max", 4000]] },
    reason: { key: "tenders.validation.reason", numbers: [["max", 4000]] },
    firmId: { key: "tenders.validation.firmId" },
    points: { key: "tenders.validation.points" },
    criterion: { key: "tenders.validation.criterion" },
    lot: { key: "tenders.validation.lot" },
    bidId: { key: "tenders.validation.bidId" },
  },
  // Marketplace.Grains/Tenders/BidState.cs (Seal) and the bid endpoints. `answers[3]` names criterion number 3.
  bid: {
    lots: { key: "bids.validation.lots" },
    "lots[].lot": { key: "bids.validation.lot" },
    "lots[].price": { key: "bids.validation.price" },
    "lots[].price.amount": { key: "bids.validation.price" },
    "lots[].price.currency": { key: "bids.validation.currency" },
    "answers[]": { key: "bids.validation.answer", numbers: [["min", 1], ["max", 8000]] },
    "answers[].criterion": { key: "bids.validation.criterion" },
    documents: { key: "tenders.validation.documents", numbers: [["max", 20]] },
    "documents[]": { key: "bids.validation.document", unquoted: "bids.validation.documentAt" },
    tenderers: { key: "bids.validation.tenderers" },
  },
  // Marketplace.Server/Endpoints/DocumentEndpoints.cs (Upload).
  document: {
    name: { key: "documents.validation.name" },
    body: { key: "documents.validation.body" },
  },
  // Marketplace.Grains/Alliances/AllianceState.cs and the alliance endpoints: forming, inviting, answering,
  // removing (`reason`), handing over the lead (`firmId`) and publishing new terms (`text`).
  alliance: {
    name: { key: "alliances.validation.name", numbers: [["min", 3], ["max", 120]] },
    agreementText: { key: "alliances.validation.agreement", numbers: [["max", 20000]] },
    text: { key: "alliances.validation.agreement", numbers: [["max", 20000]] },
    leadId: { key: "alliances.validation.leadId" },
    spaceId: { key: "alliances.validation.spaceId" },
    tenderId: { key: "alliances.validation.tenderId" },
    firmId: { key: "alliances.validation.firmId" },
    role: { key: "alliances.validation.role" },
    accept: { key: "alliances.validation.accept" },
    reason: { key: "alliances.validation.reason", numbers: [["max", 1000]] },
  },
  // Marketplace.Grains/JointBids/JointBidState.cs (CheckSave, CheckAnswer, CheckAttach) and the joint bid endpoints: a
  // work package (`price` is refused whole when missing, else by `price.amount` and `price.currency`), an answer, files.
  jointBid: {
    title: {
      key: "jointBid.validation.title",
      numbers: [["max", 200]],
      // The same field says when a new package is one too many: the title sent was fine.
      variant: (value, sent) =>
        typeof value === "string" && value.trim() !== "" && value.trim().length <= 200 && sent && "id" in sent && sent.id === null
          ? "jointBid.validation.packages"
          : undefined,
    },
    lot: { key: "jointBid.validation.lot" },
    firmId: { key: "jointBid.validation.firmId" },
    price: { key: "jointBid.validation.price" },
    "price.amount": { key: "jointBid.validation.price" },
    "price.currency": { key: "jointBid.validation.currency" },
    description: { key: "jointBid.validation.description", numbers: [["max", 4000]] },
    text: { key: "jointBid.validation.answer", numbers: [["min", 1], ["max", 8000]] },
    criterion: { key: "jointBid.validation.criterion" },
    // A firm's files (CheckAttach, DocumentEndpoints.Resolve): `documents[1]` is not one of the firm's uploads. The
    // request is quoted with the files' names in place of their ids.
    documents: { key: "tenders.validation.documents", numbers: [["max", 20]], missing: "jointBid.validation.documentsMissing" },
    "documents[]": { key: "jointBid.validation.document", unquoted: "jointBid.validation.documentAt" },
  },
};

/** The weights of the criteria as sent, added up (for "the weights add up to 100, not {sum}"). */
function criteriaWeightSum(criteria: unknown): number {
  return Array.isArray(criteria)
    ? criteria.reduce<number>((sum, c) => sum + (Number((c as { weight?: unknown } | null)?.weight) || 0), 0)
    : 0;
}

/** Which of the criteria's rules the sent criteria break: how many, one price, or weights adding up to 100. */
function criteriaProblem(criteria: unknown): MessageKey | undefined {
  const list = Array.isArray(criteria) ? (criteria as ({ kind?: unknown } | null)[]) : [];
  if (list.length === 0 || list.length > 10) return "tenders.validation.criteriaCount";
  if (list.filter((c) => c?.kind === "Price").length !== 1) return "tenders.validation.criteriaPrice";
  if (criteriaWeightSum(list) !== 100) return "tenders.validation.criteriaSum";
  return undefined;
}

/** Whether the sent submission deadline is not after the enquiry deadline (both ISO date-times). */
function deadlinesOutOfOrder(sent: SentRequest): boolean {
  const { enquiryDeadline, submissionDeadline } = sent as { enquiryDeadline?: unknown; submissionDeadline?: unknown };
  if (typeof enquiryDeadline !== "string" || typeof submissionDeadline !== "string") return false;
  return Date.parse(submissionDeadline) <= Date.parse(enquiryDeadline);
}

function ruleFor(field: string, form: FormName | undefined): Rule | undefined {
  const own = form ? formRules[form] : undefined;
  if (own && Object.hasOwn(own, field)) return own[field];
  return Object.hasOwn(rules, field) ? rules[field] : undefined;
}

/** The longest item value quoted in a message; longer ones (a 300-character tag) are cut. */
const MAX_QUOTED = 32;

const quote = (value: string): string =>
  value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED - 1).trimEnd()}…` : value;

function numbers(message: Message, serverText: string): Params {
  const wanted = message.numbers ?? [];
  const found = serverText.match(/\d+/g) ?? [];
  const fromServer = found.length === wanted.length;
  return Object.fromEntries(wanted.map(([name, fallback], i) => [name, fromServer ? Number(found[i]) : fallback]));
}

/** What was sent for `field`, or at `field[index]`. */
function sentValue(sent: SentRequest | undefined, field: string, index: number | null): unknown {
  const value = sent ? (sent as Record<string, unknown>)[field] : undefined;
  return index === null ? value : Array.isArray(value) ? value[index] : undefined;
}

/** What was sent at a nested key such as `lots[0].cpv[1]`. */
function sentAt(sent: SentRequest | undefined, key: string): unknown {
  let value: unknown = sent;
  for (const part of key.match(/[^.[\]]+/g) ?? []) {
    if (value === null || typeof value !== "object") return undefined;
    value = Array.isArray(value) ? value[Number(part)] : (value as Record<string, unknown>)[part];
  }
  return value;
}

/** NUL and other control characters but line breaks and tabs, bidirectional overrides and isolates, half surrogate pairs. */
const hiddenCharacters =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (Array.isArray(value) ? value.length === 0 : String(value).trim() === "");

/** A nested field's message (`lots[0].cpv[1]`): `{n}` is the first index + 1, `{item}` the value sent there. */
function describeNested(rule: Rule, key: string, serverText: string, sent: SentRequest | undefined): string {
  const indexes = [...key.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  const value = sentAt(sent, key);
  const shown = typeof value === "string" && value.trim() !== "" ? value.trim() : typeof value === "number" ? String(value) : null;
  const params: Params = { ...numbers(rule, serverText), ...rule.params?.(sent), n: (indexes[0] ?? 0) + 1 };
  if (shown !== null) params.item = quote(shown);
  const chosen =
    rule.variant?.(value, sent) ??
    (rule.missing && sent !== undefined && isBlank(value) ? rule.missing : shown === null && rule.unquoted ? rule.unquoted : rule.key);
  return t(chosen, params);
}

/**
 * The texts to show for one field's errors, in the current language: a coded refusal by its code and arguments;
 * any other message (TODO(#16): uncoded) one per field by the tables above, naming the refused item for
 * `capabilities[i]` and `tags[i]`. A field the tables do not know keeps the messages as written.
 */
export function describeFieldError(key: string, errors: readonly FieldError[], sent?: SentRequest, form?: FormName): string[] {
  const coded = errors.map((e) => (typeof e === "string" ? null : refusalText(e.code, e.args)));
  const uncoded = errors.filter((_, i) => coded[i] === null).map(messageOf);
  const texts = coded.filter((text) => text !== null);
  return uncoded.length === 0 ? texts : [...texts, ...describeByText(key, uncoded, sent, form)];
}

/** TODO(#16): the message of uncoded field errors, chosen by the field and filled from their English text. */
function describeByText(key: string, serverMessages: readonly string[], sent: SentRequest | undefined, form: FormName | undefined): string[] {
  const field = baseField(key);
  const serverText = serverMessages.join(" ");
  // Whatever the field, text refused for its characters (Marketplace.Grains/CleanText.cs) gets the same message.
  const value = sentAt(sent, key);
  if (typeof value === "string" && hiddenCharacters.test(value)) return [t("validation.hiddenCharacters")];
  // A form's nested fields (`lots[0].cpv[1]`, `criteria[2].weight`) have rules of their own, by pattern.
  const pattern = key.replace(/\[\d+\]/g, "[]");
  const own = form ? formRules[form] : undefined;
  if (own && pattern !== field && Object.hasOwn(own, pattern)) return [describeNested(own[pattern]!, key, serverText, sent)];
  // A member of an object (`value.amount`) may have its own rule; else that of the object.
  const rule = (key.includes(".") ? ruleFor(key, form) : undefined) ?? ruleFor(field, form);
  if (!rule) return [...serverMessages];
  const index = itemIndex(key);
  const sentHere = sentValue(sent, field, index);

  if (index !== null && rule.item) {
    // The value the UI sent, else the one the server quotes ('12345678' is not …), else the position.
    const shown = typeof sentHere === "string" && sentHere.trim() !== "" ? sentHere.trim() : /'([^']+)'/.exec(serverText)?.[1];
    const params = { ...numbers(rule.item, serverText), n: index + 1 };
    return [shown ? t(rule.item.key, { ...params, item: quote(shown) }) : t(rule.item.at, params)];
  }
  const blank = sent !== undefined && isBlank(sentHere);
  const chosen = rule.missing && blank ? rule.missing : (rule.variant?.(sentHere, sent) ?? rule.key);
  return [t(chosen, { ...numbers(rule, serverText), ...rule.params?.(sent) })];
}

const describeWith =
  (sent: SentRequest | undefined, form: FormName | undefined): Describe =>
  (key, errors) =>
    describeFieldError(key, errors, sent, form);

/** The translated messages of one form field, its own and its items', each once. */
export function fieldMessages(errors: FieldErrors, field: string, sent?: SentRequest, form?: FormName): string[] {
  return messagesFor(errors, field, describeWith(sent, form));
}

/** The translated messages of one part of a nested form (`lots[0].cpv`, `criteria[1]`), its own and its items'. */
export function fieldMessagesAt(errors: FieldErrors, path: string, sent?: SentRequest, form?: FormName): string[] {
  return messagesAt(errors, path, describeWith(sent, form));
}

/** The translated messages of fields the form does not show, so that none is silently dropped. */
export function otherFieldMessages(
  errors: FieldErrors,
  shownFields: readonly string[],
  sent?: SentRequest,
  form?: FormName,
): string[] {
  return otherMessages(errors, shownFields, describeWith(sent, form));
}
