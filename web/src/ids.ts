// Ids as the API writes them may differ in case from those in a route or another answer: compared case-insensitively.
export const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
