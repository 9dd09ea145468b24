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
