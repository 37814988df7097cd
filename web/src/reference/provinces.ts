// The Italian provinces, as the server knows them (see scripts/gen-reference.mjs), and a search over them.
import { provinces } from "./provinces.data";

export interface Province {
  sigla: string;
  name: string;
  region: string;
}

export { provinces };

const bySigla = new Map(provinces.map((p) => [p.sigla, p]));

export const findProvince = (sigla: string): Province | undefined => bySigla.get(sigla.trim().toUpperCase());

/** Lower case without accents, so that "forli" finds "Forlì-Cesena". */
export const fold = (text: string): string =>
  text.normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase().trim();

/** Provinces for what was typed: the sigla itself first, then names that start with it, then names that contain it. */
export function searchProvinces(query: string, limit = 20): Province[] {
  const q = fold(query);
  if (q === "") return [];
  const rank = (p: Province): number => {
    const name = fold(p.name);
    return p.sigla.toLowerCase() === q ? 0 : name.startsWith(q) ? 1 : name.includes(q) || fold(p.region).startsWith(q) ? 2 : -1;
  };
  return provinces
    .map((p) => ({ p, r: rank(p) }))
    .filter(({ r }) => r >= 0)
    .sort((a, b) => a.r - b.r || a.p.name.localeCompare(b.p.name, "it"))
    .slice(0, limit)
    .map(({ p }) => p);
}
