// State that several components show (e.g. a space's admin lists: the admin area and its side card). The state tells
// its followers when it changed; a follower renders again, as it would for a reactive property of its own.
import type { ReactiveController, ReactiveControllerHost } from "lit";

/** State shared by several components: it calls `changed()` after each change. */
export abstract class SharedState {
  readonly #listeners = new Set<() => void>();

  /** Hears every change until the returned function is called. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  protected changed(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

/**
 * Renders its host again whenever the state `state()` names changes, while the host is in the page. The host may be
 * given another state (a property set anew): it follows the one it renders.
 */
export class Follow implements ReactiveController {
  #followed: SharedState | null = null;
  #unsubscribe: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly state: () => SharedState | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#follow(this.state());
  }

  hostUpdate(): void {
    if (this.state() !== this.#followed) this.#follow(this.state());
  }

  hostDisconnected(): void {
    this.#follow(null);
  }

  #follow(state: SharedState | null): void {
    this.#unsubscribe?.();
    this.#followed = state;
    this.#unsubscribe = state?.subscribe(() => this.host.requestUpdate()) ?? null;
  }
}
