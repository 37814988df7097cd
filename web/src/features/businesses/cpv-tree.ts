// The CPV vocabulary as a tree to browse, beside the capability search: a firm that cannot name its trade in the
// vocabulary's words opens a division and goes down, level by level, to the code that fits (issue #17).
import { html, nothing, type TemplateResult } from "lit-html";
import { api } from "../../api/client";
import type { CpvNodeDto } from "../../api/types";
import { localized, t } from "../../i18n";
import type { Redraw } from "../../page";

export interface CpvTreeOptions {
  /** Adds the code to the form's capabilities. */
  pick(node: CpvNodeDto): void;
  /** Whether the code is already among them (its "add" is then done). */
  picked(code: string): boolean;
}

export interface CpvTree {
  view(): TemplateResult;
}

/** The children of each code opened so far ("" for the divisions), as they are loading or once loaded. */
type Level = CpvNodeDto[] | "loading" | "failed";

export function cpvTree(options: CpvTreeOptions, redraw: Redraw): CpvTree {
  const levels = new Map<string, Level>();
  const open = new Set<string>();

  async function load(parent: string): Promise<void> {
    if (Array.isArray(levels.get(parent)) || levels.get(parent) === "loading") return;
    levels.set(parent, "loading");
    redraw();
    try {
      levels.set(parent, await api.cpvTree(parent || undefined));
    } catch {
      levels.set(parent, "failed");
    }
    redraw();
  }

  function toggle(code: string): void {
    if (open.delete(code)) { redraw(); return; }
    open.add(code);
    void load(code);
  }

  function level(parent: string): TemplateResult | typeof nothing {
    const nodes = levels.get(parent);
    if (nodes === undefined) return nothing;
    if (nodes === "loading") return html`<p class="muted" role="status">${t("cpvTree.loading")}</p>`;
    if (nodes === "failed")
      return html`<p class="alert error" role="alert">${t("cpvTree.failed")}
        <button type="button" class="link" @click=${() => { levels.delete(parent); void load(parent); }}>${t("cpvTree.retry")}</button></p>`;
    return html`<ul class="cpv-tree" role=${parent ? "group" : "tree"} aria-label=${parent ? nothing : t("cpvTree.label")}>
      ${nodes.map((node) => {
        const expanded = open.has(node.code);
        return html`<li data-testid="cpv-tree-node" data-code=${node.code} role="treeitem" aria-expanded=${node.hasChildren ? String(expanded) : nothing}>
          <div class="cpv-tree-row">
            ${node.hasChildren
              ? html`<button type="button" class="cpv-tree-toggle" aria-label=${t(expanded ? "cpvTree.close" : "cpvTree.open", { code: node.code })}
                  @click=${() => toggle(node.code)}>${expanded ? "▾" : "▸"}</button>`
              : html`<span class="cpv-tree-leaf" aria-hidden="true">·</span>`}
            <span class="cpv-tree-label"><code>${node.code}</code> ${localized(node.labelIt, node.labelEn)}</span>
            ${options.picked(node.code)
              ? html`<span class="muted">${t("cpvTree.added")}</span>`
              : html`<button type="button" class="link" data-testid="cpv-tree-add" @click=${() => { options.pick(node); redraw(); }}>${t("cpvTree.add")}</button>`}
          </div>
          ${expanded ? level(node.code) : nothing}
        </li>`;
      })}
    </ul>`;
  }

  return {
    view: () => html`<details class="cpv-browser" data-testid="cpv-tree"
        @toggle=${(e: Event) => { if ((e.currentTarget as HTMLDetailsElement).open) void load(""); }}>
        <summary>${t("cpvTree.browse")}</summary>
        <p class="hint">${t("cpvTree.hint")}</p>
        ${level("")}
      </details>`,
  };
}
