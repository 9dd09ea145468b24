/** Test helpers for the exports that external tools check (nft, iptables-restore, terraform, python3, sh). */
import { spawnSync } from 'node:child_process';

/** Running external tools on every plan takes seconds when the whole suite runs in parallel. */
export const TOOL_TIMEOUT = { timeout: 60_000 };

/** True when `tool` runs (`tool <args>` exits 0): tool checks skip, with a clear name, only without it. */
export function hasTool(tool: string, args: string[]): boolean {
  return spawnSync(tool, args, { stdio: 'ignore' }).status === 0;
}
