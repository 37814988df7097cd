// What the sections of a space's admin area share: the space's context, one action at a time with its outcome said
// under the section, and the small views each of them shows (a firm's link, a date, an address).
import { html } from "lit";
import type { PropertyDeclarations, ReactiveController, ReactiveControllerHost } from "lit";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { SpaceDetailDto } from "../../api/types";
import { formatDateTime, t } from "../../i18n";
import { refusedAction } from "../../i18n/refusals";
import { LightElement } from "../../light-element";
import { href } from "../../router";
import type { AdminSection } from "./admin-state";
import type { SpaceContext } from "./space-context";

export type Feedback = { ok: boolean; text: () => string };

/** What a section says after an action: on success, and (when it has a form) on field errors. */
interface Outcome {
  done(space: SpaceDetailDto): () => string;
  invalid?(errors: FieldErrors): () => string;
}

/** One action of a section at a time: whether one is on its way (its buttons wait), and how the last one went. */
export class AdminAction implements ReactiveController {
  busy = false;
  feedback: Feedback | null = null;

  constructor(private readonly host: ReactiveControllerHost & { ctx: SpaceContext }) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Runs `work` unless an action is on its way. */
  async exclusive(work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.host.requestUpdate();
    try {
      await work();
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** Sends an action whose answer is the space; the page takes it, and the section says how it went. */
  run(call: () => Promise<SpaceDetailDto>, outcome: Outcome): Promise<void> {
    return this.exclusive(async () => {
      this.feedback = null;
      try {
        const space = await call();
        this.host.ctx.accept(space);
        this.say(true, outcome.done(space));
      } catch (error) {
        if (outcome.invalid && error instanceof ApiError && error.status === 400) this.say(false, outcome.invalid(error.errors));
        else this.say(false, await this.refused(error));
      }
    });
  }

  say(ok: boolean, text: () => string): void {
    this.feedback = { ok, text };
    this.host.requestUpdate();
  }

  /** Why an action was refused; when the lists are out of date, they are loaded again first. */
  async refused(error: unknown): Promise<() => string> {
    const refused = refusedAction(error);
    if (refused.reload) await this.host.ctx.reload();
    return refused.text;
  }
}

/** A section of the admin area: a card with its own action and outcome. */
export abstract class AdminSectionElement extends LightElement {
  // Lit adds a subclass's properties to these.
  static override properties: PropertyDeclarations = {
    ctx: { attribute: false },
  };

  declare ctx: SpaceContext;
  protected readonly action = new AdminAction(this);

  protected feedbackView(section: AdminSection) {
    const f = this.action.feedback;
    return html`<p class="status ${f?.ok ? "ok" : "error"}" role="status" aria-live="polite" data-testid="admin-${section}-status">${f?.text() ?? ""}</p>`;
  }
}

export const firmLink = (m: { firmId: string; firmName: string }) =>
  html`<a class="firm" href=${href({ name: "business", id: m.firmId })}>${m.firmName || t("admin.unknownFirm")}</a>`;

/** An address that may wrap after its @, never in the middle of a name. */
export const emailView = (email: string) => {
  const at = email.indexOf("@");
  return email === "" ? "—" : at < 0 ? email : html`${email.slice(0, at)}@<wbr />${email.slice(at + 1)}`;
};

export const since = (iso: string) => html`<span class="muted small">${t("admin.since", { when: formatDateTime(iso) })}</span>`;
