// The names of comuni by ISTAT code. The API names a space's territory by codes only, so the client keeps the
// names (generated from the server's own list, see scripts/gen-reference.mjs) in a chunk loaded on first use.

export interface ComuneName {
  code: string;
  name: string;
  sigla: string;
}

/** Reads the generated form: per province sigla, "ccccccName|ccccccName…" (six-digit ISTAT codes). */
export function parseComuni(byProvince: Readonly<Record<string, string>>): Map<string, ComuneName> {
  const names = new Map<string, ComuneName>();
  for (const [sigla, list] of Object.entries(byProvince)) {
    for (const entry of list.split("|")) {
      if (entry.length > 6) names.set(entry.slice(0, 6), { code: entry.slice(0, 6), name: entry.slice(6), sigla });
    }
  }
  return names;
}

let loading: Promise<Map<string, ComuneName>> | null = null;

/** All comuni by code; loaded once, on the first call. A failed load is tried again on the next call. */
export function comuneNames(): Promise<Map<string, ComuneName>> {
  loading ??= import("./comuni.data").then(
    (data) => parseComuni(data.comuniByProvince),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
