// What the conversation tab works out from what the server says: whose firms the viewer writes for, and how a page of
// a thread takes a message heard live (once, newest first, only in its own thread).
import type { AllianceDto, MemberRole, ThreadMessageDto, ThreadSummaryDto } from "../../api/types";

/** The longest message the server takes (ConversationRules.MaxText). */
export const MAX_TEXT = 2000;

/**
 * A thread by its subject: a work package's id, or `answer:N` for the joint bid's answer to the tender's quality
 * criterion N; the general thread has none (null).
 */
export type ThreadKey = string | null;

const same = (a: string | null | undefined, b: string | null | undefined): boolean => (a ?? "").toLowerCase() === (b ?? "").toLowerCase();

/** The subject of a thread as the server names it (a message, a thread's summary). */
interface Subject {
  packageId?: string | null;
  criterion?: number | null;
}

/** The thread of the joint bid's answer to a quality criterion. */
export const answerThread = (criterion: number): ThreadKey => `answer:${criterion}`;

/** The criterion whose answer's thread this is; null for the general thread and a package's. */
export function criterionOf(key: ThreadKey): number | null {
  const match = /^answer:(\d+)$/.exec(key ?? "");
  return match ? Number(match[1]) : null;
}

/** The thread a message or a summary belongs to. */
export const keyOf = (subject: Subject): ThreadKey =>
  subject.criterion !== null && subject.criterion !== undefined ? answerThread(subject.criterion) : (subject.packageId ?? null);

/** What the server is told of the thread, to read or to write in it: its package or its criterion, or neither for the general one. */
export function subjectOf(key: ThreadKey): { packageId: string | null; criterion: number | null } {
  const criterion = criterionOf(key);
  return { packageId: criterion === null ? key : null, criterion };
}

/**
 * The alliance's active firms the viewer writes for: those where they are an Owner or a Manager, as the server
 * judges (ConversationRules.Author). A Viewer of every one of them reads only.
 */
export function writingFirms(alliance: Pick<AllianceDto, "members" | "myFirms">, roles: ReadonlyMap<string, MemberRole>): { id: string; name: string }[] {
  return alliance.members
    .filter((m) => m.standing === "Active" && alliance.myFirms.some((f) => same(f, m.firmId)))
    .filter((m) => {
      const role = roles.get(m.firmId.toLowerCase());
      return role === "Owner" || role === "Manager";
    })
    .map((m) => ({ id: m.firmId, name: m.name }));
}

/** The page with a message heard live: in its thread only, once (our own answer and the hub may both bring it), newest first. */
export function withMessage(page: readonly ThreadMessageDto[], thread: ThreadKey, message: ThreadMessageDto): ThreadMessageDto[] {
  if (!same(keyOf(message), thread) || page.some((m) => same(m.id, message.id))) return [...page];
  return [message, ...page].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** The threads' counts with one more message, heard for the first time. */
export function countedIn(threads: readonly ThreadSummaryDto[], message: ThreadMessageDto): ThreadSummaryDto[] {
  const existing = threads.find((t) => same(keyOf(t), keyOf(message)));
  if (!existing) return [{ packageId: message.packageId ?? null, criterion: message.criterion ?? null, messages: 1, lastAt: message.at }, ...threads];
  return threads.map((t) => (t === existing ? { ...t, messages: t.messages + 1, lastAt: message.at } : t));
}

/** How many messages a thread holds, as last counted. */
export const countOf = (threads: readonly ThreadSummaryDto[], thread: ThreadKey): number =>
  threads.find((t) => same(keyOf(t), thread))?.messages ?? 0;
