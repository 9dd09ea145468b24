/**
 * LinkHandles.tsx drives React Flow's connection code (`XYHandle` from @xyflow/system) directly. That must
 * be the copy @xyflow/react itself uses: a React Flow upgrade that moves to another @xyflow/system has to
 * move the pin in package.json with it (else two copies are bundled, and their handle code may differ).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../..');
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as { version?: string; dependencies?: Record<string, string> };

describe('@xyflow/system', () => {
  it('is pinned to the version @xyflow/react depends on, and that is the version installed', () => {
    const ours = json('package.json').dependencies?.['@xyflow/system'];
    const reactFlows = json('node_modules/@xyflow/react/package.json').dependencies?.['@xyflow/system'];
    expect(ours).toBe(reactFlows);
    expect(json('node_modules/@xyflow/system/package.json').version).toBe(ours);
  });
});
