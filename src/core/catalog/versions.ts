/** Teleport releases that brought a feature, and how a cluster's version compares with them. */

/** A Teleport release: major and minor version. */
export interface Release {
  major: number;
  minor: number;
  /** e.g. `18.3`. */
  text: string;
}

export function release(major: number, minor: number): Release {
  return { major, minor, text: `${major}.${minor}` };
}

/**
 * A cluster at `major`.`minor` predates the release. Without a minor version only the major is
 * compared: a cluster on the release's major is taken to be new enough.
 */
export function predates(major: number, minor: number | undefined, r: Release): boolean {
  return major < r.major || (major === r.major && minor !== undefined && minor < r.minor);
}

/** `18.3`, or `18` when the minor version is not known. */
export function versionText(major: number, minor: number | undefined): string {
  return minor === undefined ? String(major) : `${major}.${minor}`;
}

/** Whether a cluster's version has a fix: yes, no, or not known from major and minor alone. */
export type FixStatus = 'fixed' | 'missing' | 'unknown';

/** A fix shipped in patch releases: the first patched release of each major that got it. */
export interface PatchFix {
  /** First patched release per major, e.g. 16.4.9. */
  patched: readonly { major: number; minor: number; patch: number }[];
  /** Majors with a backport whose release is not known here. */
  unknownMajors: readonly number[];
  /** Every release of this major and later has it. */
  allFrom: number;
}

/**
 * The status of a fix for a cluster at `major`.`minor` (the patch is not in the plan): on the patched
 * minor it depends on the patch, so it is unknown, as it is without a minor version.
 */
export function fixStatus(fix: PatchFix, major: number, minor: number | undefined): FixStatus {
  if (major >= fix.allFrom) return 'fixed';
  const first = fix.patched.find((r) => r.major === major);
  if (first) {
    if (minor === undefined || minor === first.minor) return 'unknown';
    return minor > first.minor ? 'fixed' : 'missing';
  }
  return fix.unknownMajors.includes(major) ? 'unknown' : 'missing';
}

/**
 * The Proxy's peer listener binds to `peer_listen_addr` as written (reference §5 L-R6, I10, I11). Before
 * PR 49586 an unspecified host (0.0.0.0, ::, or no address) was replaced by one IPv4 address guessed
 * from the host's addresses (`peerAddr` in lib/service/cfg.go); a host written out was kept. Backports:
 * #49589 (17.0.3), #49590 (16.4.9) per Teleport's CHANGELOG; #49591 for v15, release not found; none
 * for v14.
 */
export const PEER_LISTEN_FIX: PatchFix = {
  patched: [{ major: 16, minor: 4, patch: 9 }, { major: 17, minor: 0, patch: 3 }],
  unknownMajors: [15],
  allFrom: 18,
};

/**
 * TLS routing behind an L7 load balancer (HTTP upgrades carrying ALPN): Teleport 13 and later
 * (reference §5 L-T3 [D2][I9]).
 */
export const L7_TLS_ROUTING_MIN_VERSION = 13;
