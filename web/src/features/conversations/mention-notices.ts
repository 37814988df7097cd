// A notice to a person when a message of an alliance's conversation mentions them, wherever they are in the app
// (Mentioned, sent to their own connections only): who wrote it, for which firm, in which alliance, and a link to the
// conversation, where reading it counts as seen (no e-mail then repeats it). The conversation tab closes the notice of a
// message it shows.
import { html, type TemplateResult } from "lit-html";
import { t } from "../../i18n";
import type { Redraw } from "../../page";
import { onMentioned, type MentionNotice } from "../../realtime/hub";
import { href } from "../../router";

const SHOWN_MS = 30_000;
const MAX_SHOWN = 3;

interface Shown {
  notice: MentionNotice;
  timer: ReturnType<typeof setTimeout>;
}

let redraw: Redraw = () => undefined;
let shown: Shown[] = [];
let stop: () => void = () => undefined;

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The message was seen on the page (the conversation shows it): its notice has nothing more to say. */
export function dismissMentionNotice(messageId: string): void {
  const gone = shown.filter((s) => same(s.notice.messageId, messageId));
  if (gone.length === 0) return;
  gone.forEach((s) => clearTimeout(s.timer));
  shown = shown.filter((s) => !gone.includes(s));
  redraw();
}

function show(notice: MentionNotice): void {
  if (shown.some((s) => same(s.notice.messageId, notice.messageId))) return;
  const messageId = notice.messageId;
  shown = [...shown, { notice, timer: setTimeout(() => dismissMentionNotice(messageId), SHOWN_MS) }];
  for (const old of shown.slice(0, Math.max(0, shown.length - MAX_SHOWN))) clearTimeout(old.timer);
  shown = shown.slice(-MAX_SHOWN);
  redraw();
}

/** Starts over for whoever is signed in now: no notices of the previous user. */
export function restartMentionNotices(requestRedraw: Redraw): void {
  redraw = requestRedraw;
  stop();
  shown.forEach((s) => clearTimeout(s.timer));
  shown = [];
  stop = onMentioned(show);
}

/** The notices to show with the others (main.ts puts them all in one corner). */
export function mentionNoticeItems(): TemplateResult[] {
  return shown.map(({ notice }) => {
    const link = href({ name: "alliance", id: notice.allianceId.toLowerCase(), tab: "conversation" });
    return html`<div class="notice info inbox-notice" data-testid="mention-notice" data-message-id=${notice.messageId}>
      <p class="notice-head"><span>${t("conversation.mentionNotice")}</span>
        <button type="button" class="notice-close" data-testid="mention-notice-close" aria-label=${t("common.dismiss")} title=${t("common.dismiss")}
          @click=${() => dismissMentionNotice(notice.messageId)}><span aria-hidden="true">×</span></button></p>
      <p class="notice-title" data-testid="mention-notice-text">
        ${notice.answerName
          ? t("conversation.mentionedByOnAnswer", { person: notice.authorName, firm: notice.firmName, alliance: notice.allianceName, answer: notice.answerName })
          : t("conversation.mentionedBy", { person: notice.authorName, firm: notice.firmName, alliance: notice.allianceName })}
      </p>
      <p class="notice-actions"><a href=${link} data-testid="mention-notice-open" @click=${() => dismissMentionNotice(notice.messageId)}>${t("conversation.openConversation")}</a></p>
    </div>`;
  });
}
