/**
 * Migrations between plan format versions.
 *
 * Checklist for a new version N (keep it short and boring):
 * 1. copy `vN-1.ts` to `vN.ts` and change it; never edit `vN-1.ts` again;
 * 2. add `migrateToN(raw)` below, taking a *parsed* vN-1 plan and returning vN input;
 * 3. add a case to `upgrade` and bump CURRENT_VERSION;
 * 4. freeze a vN fixture in `fixtures/plans/vN/` and add a migration test from every older fixture.
 *
 * Version 1 is the first format, so there is nothing to migrate yet: `upgrade` only routes.
 */
export const CURRENT_VERSION = 1;

/** Every version this build can read. */
export const READABLE_VERSIONS: readonly number[] = [1];

export type UpgradeResult =
  | { ok: true; value: unknown; notes: string[] }
  | { ok: false; message: string };

/**
 * Bring a raw object of a known older version up to CURRENT_VERSION input shape.
 * Each step parses with its own frozen schema before changing anything (so errors name the original field).
 */
export function upgrade(raw: Record<string, unknown>, version: number): UpgradeResult {
  switch (version) {
    case 1:
      return { ok: true, value: raw, notes: [] };
    default:
      return { ok: false, message: `format version ${version} is not one this Portolan knows` };
  }
}
