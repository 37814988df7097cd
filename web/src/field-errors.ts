// The server's validation errors, in the UI's language, for every form: businesses (create, edit the profile,
// add a member), spaces (create, edit the settings, publish a policy, apply, decide, invite, moderators) and a
// space's directory search, whose errors name its query parameters (cpv, near, radiusKm, …).
// The server names the field of each error (`vatNumber`, `capabilities[2]`, `territoryProvinces[0]`, `body` for
// an unreadable request) and writes its message in English; the message shown here is chosen by the field and
// filled in from the request that was sent. The rules and limits are those of Marketplace.Grains:
// Businesses/ProfileRules.cs and BusinessState.cs, Spaces/SpaceRules.cs and SpaceState.cs.
import { ApiError, baseField, itemIndex, messagesFor, otherMessages, type Describe } from "./api/problem";
import { t, type MessageKey } from "./i18n";

/** The request that failed, or the part of it that the messages name (a refused CPV code, a tag). */
export type SentRequest = object;

type Params = Record<string, string | number>;

/**
 * The form an error comes from, for the few field names two forms use with different rules (a business's
 * `name` is 2–200 characters, a space's 3–120). Without one, the business rules apply.
 */
export type FormName = "business" | "space" | "directory";

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
  /** More placeholders, filled when the message is shown (labels in the current language). */
  params?: () => Params;
  /** A different message when nothing was sent for the field. */
  missing?: MessageKey;
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
    province: { key: "validation.provinceFilter" },
    region: { key: "validation.regionFilter" },
    size: { key: "validation.size" },
  },
};

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

/**
 * The texts to show for one entry of a ProblemDetails `errors` object, in the current language: one per
 * field, naming the refused item for `capabilities[i]` and `tags[i]`. A field this table does not know keeps
 * the server's own messages.
 */
export function describeFieldError(
  key: string,
  serverMessages: readonly string[],
  sent?: SentRequest,
  form?: FormName,
): string[] {
  const field = baseField(key);
  // A member of an object (`value.amount`) may have its own rule; else that of the object.
  const rule = (key.includes(".") ? ruleFor(key, form) : undefined) ?? ruleFor(field, form);
  if (!rule) return [...serverMessages];
  const serverText = serverMessages.join(" ");
  const index = itemIndex(key);
  const value = sentValue(sent, field, index);

  if (index !== null && rule.item) {
    // The value the UI sent, else the one the server quotes ('12345678' is not …), else the position.
    const shown = typeof value === "string" && value.trim() !== "" ? value.trim() : /'([^']+)'/.exec(serverText)?.[1];
    const params = { ...numbers(rule.item, serverText), n: index + 1 };
    return [shown ? t(rule.item.key, { ...params, item: quote(shown) }) : t(rule.item.at, params)];
  }
  const blank = sent !== undefined && (value === undefined || value === null || String(value).trim() === "");
  return [t(rule.missing && blank ? rule.missing : rule.key, { ...numbers(rule, serverText), ...rule.params?.() })];
}

const describeWith =
  (sent: SentRequest | undefined, form: FormName | undefined): Describe =>
  (key, messages) =>
    describeFieldError(key, messages, sent, form);

/** The translated messages of one form field, its own and its items', each once. */
export function fieldMessages(errors: Record<string, string[]>, field: string, sent?: SentRequest, form?: FormName): string[] {
  return messagesFor(errors, field, describeWith(sent, form));
}

/** The translated messages of fields the form does not show, so that none is silently dropped. */
export function otherFieldMessages(
  errors: Record<string, string[]>,
  shownFields: readonly string[],
  sent?: SentRequest,
  form?: FormName,
): string[] {
  return otherMessages(errors, shownFields, describeWith(sent, form));
}

/** A failure that is not about fields: no answer, a server fault, or the server's own explanation. */
export function generalMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return t("error.network");
  if (error.status >= 500) return t("error.unexpected");
  return error.detail ?? error.title;
}
