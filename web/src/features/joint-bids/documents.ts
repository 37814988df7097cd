// The joint bid's documents as listed: a file's digest is shown by its first characters (who may attach and take off
// files is the server's answer, JointBidDto.viewer).

/** How many hex characters of a file's SHA-256 the list shows; the whole digest is in its title. */
export const SHORT_DIGEST = 12;

export const shortDigest = (sha256: string): string => sha256.slice(0, SHORT_DIGEST).toLowerCase();
