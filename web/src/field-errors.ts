// The server's validation errors, in the UI's language, for every form: businesses (create, edit the profile,
// add a member), spaces (create, edit the settings, publish a policy, apply, decide, invite, moderators) and a
// space's directory search, whose errors name its query parameters (cpv, near, radiusKm, …). Tenders, bids,
// documents, alliances and joint bids are refused with codes only (i18n/refusals).
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

/**
 * Forms whose refusals the server codes, translated by i18n/refusals: an uncoded error there (TODO(#16): the input
 * bounds of Marketplace.Server/Endpoints/InputRules.cs) is shown as the server wrote it, never guessed.
 */
const codedForms: readonly FormName[] = ["tender", "bid", "document", "alliance", "jointBid"];

/** Rules of one form that differ from, or are missing in, the shared table. */
const formRules: Partial<Record<FormName, Record<string, Rule>>> = {
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
  if (form && codedForms.includes(form)) return [...serverMessages];
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
  const chosen = rule.missing && blank ? rule.missing : rule.key;
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
