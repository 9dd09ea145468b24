import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { examplePlan } from '../examples/example-plan.ts';
import { previewYamlImport } from './index.ts';
import { closestKey, editDistance } from './spelling.ts';
import { SECTION_KEYS, TOP_LEVEL_KEYS, findUnknownKeys, unknownKeyWarnings } from './yaml-keys.ts';
import { SERVICE_SECTIONS } from './yaml-schema.ts';

const REFUSED = 'is not a teleport.yaml setting: Teleport refuses the file at startup';

function warningsFor(text: string): string[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  expect(doc.errors).toEqual([]);
  return unknownKeyWarnings(findUnknownKeys(doc, lineCounter));
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const importFixture = (name: string) => readFileSync(new URL(`../../../fixtures/import/yaml/${name}`, import.meta.url), 'utf8');
const keysFixture = (name: string) => readFileSync(new URL(`./__fixtures__/keys/${name}`, import.meta.url), 'utf8');

describe('unknown teleport.yaml keys', () => {
  it.each([
    ['a misspelt top-level section', lines('version: v3', 'proxy_servce:', '  enabled: yes'), [`proxy_servce (line 2) ${REFUSED} (did you mean proxy_service?).`]],
    [
      'a misspelt proxy_service key',
      lines('version: v3', 'proxy_service:', '  enabled: yes', '  web_listen_adr: 0.0.0.0:443'),
      [`proxy_service.web_listen_adr (line 4) ${REFUSED} (did you mean web_listen_addr?).`],
    ],
    [
      'misspelt teleport keys, in document order',
      lines('teleport:', '  nodname: node-1', '  data_dir: /var/lib/teleport', '  auth_sever: 10.0.2.10:3025', 'ssh_service: {}'),
      [`teleport.nodname (line 2) ${REFUSED} (did you mean nodename?).`, `teleport.auth_sever (line 4) ${REFUSED} (did you mean auth_server?).`],
    ],
    ['two letters swapped', lines('ssh_service:', '  listen_adrd: 0.0.0.0:3022'), [`ssh_service.listen_adrd (line 2) ${REFUSED} (did you mean listen_addr?).`]],
    ['capitals and dashes', lines('proxy_service:', '  Web-Listen-Addr: 0.0.0.0:443'), [`proxy_service.Web-Listen-Addr (line 2) ${REFUSED} (did you mean web_listen_addr?).`]],
    ['a key with no near match', lines('proxy_service:', '  enabled: yes', '  frobnicate: true'), [`proxy_service.frobnicate (line 3) ${REFUSED}.`]],
    ['a teleport key at the top level', lines('auth_server: 10.0.2.10:3025', 'ssh_service: {}'), [`auth_server (line 1) ${REFUSED} (auth_server belongs under teleport).`]],
    [
      'a section indented under another',
      lines('proxy_service:', '  enabled: yes', '  ssh_service:', '    enabled: yes'),
      [`proxy_service.ssh_service (line 3) ${REFUSED} (ssh_service belongs at the top level: check its indentation).`],
    ],
    ['a key of another section', lines('kubernetes_service:', '  kube_listen_addr: 0.0.0.0:3026'), [`kubernetes_service.kube_listen_addr (line 2) ${REFUSED} (kube_listen_addr belongs under proxy_service).`]],
  ])('warns about %s', (_name, text, expected) => {
    expect(warningsFor(text)).toEqual(expected);
  });

  it.each([
    [6, '1 more unknown key is not shown (on line 7).'],
    [8, '3 more unknown keys are not shown (the first on line 7).'],
  ])('names five of %i unknown keys and counts the rest', (count, summary) => {
    const text = lines('db_service:', ...Array.from({ length: count }, (_, i) => `  zz_unknown_${i + 1}: ${i}`));
    const warnings = warningsFor(text);
    expect(warnings).toHaveLength(6);
    expect(warnings.slice(0, 5)).toEqual([1, 2, 3, 4, 5].map((i) => `db_service.zz_unknown_${i} (line ${i + 1}) ${REFUSED}.`));
    expect(warnings[5]).toBe(summary);
  });

  it.each([
    ['`teleport configure` output (auth, proxy, ACME)', importFixture('v3-auth-proxy-acme.yaml')],
    ['an agent with db_service databases and app_service apps', importFixture('v3-agent-ssh-db-app.yaml')],
    ['a config v1 node', importFixture('v1-no-version.yaml')],
    ['an Auth Service with every documented teleport and auth_service key', keysFixture('auth-reference.yaml')],
    ['a Proxy Service with every listener', keysFixture('proxy-reference.yaml')],
    ['an agent with every agent service and the sections Portolan ignores', keysFixture('agent-reference.yaml')],
    ['unknown keys below the first level', lines('teleport:', '  log:', '    levle: INFO', 'proxy_service:', '  acme:', '    enabled: yes', '    emial: a@example.com', 'db_service:', '  databases:', '  - name: x', '    urii: x:5432')],
    ['sections Portolan does not check', lines('ssh_service: {}', 'metrics_service:', '  bogus: 1', 'okta_service:', '  anything: 2', 'relay_service:', '  relay_group: g')],
    ['an empty section', lines('version: v3', 'ssh_service:', 'teleport:')],
    ['a YAML merge key, which Teleport reads as a merge', lines('ssh_service: &agent', '  enabled: yes', 'kubernetes_service:', '  <<: *agent', '  listen_addr: 0.0.0.0:3026')],
    ['a section written as an alias', lines('auth_service: &off', '  enabled: no', 'proxy_service: *off', 'ssh_service: {}')],
  ])('accepts %s', (_name, text) => {
    expect(warningsFor(text)).toEqual([]);
  });

  it('lists unknown keys first in the import warnings, with their line', () => {
    const yaml = lines(
      'version: v3',
      'teleport:',
      '  nodename: proxy-1',
      '  auth_server: 10.0.2.10:3025',
      'auth_service:',
      '  enabled: no',
      'ssh_service:',
      '  enabled: no',
      'proxy_service:',
      '  enabled: yes',
      '  public_addr: teleport.example.com:443',
      '  web_listen_adr: 0.0.0.0:443',
    );
    const result = previewYamlImport(examplePlan(), yaml);
    if (!result.ok) throw new Error(result.message);
    expect(result.warnings[0]).toBe('proxy_service.web_listen_adr (line 12) is not a teleport.yaml setting: Teleport refuses the file at startup (did you mean web_listen_addr?).');
    expect(result.warnings.filter((w) => w.includes(REFUSED))).toHaveLength(1);
  });

  it('leaves Auth settings under proxy_service to the warning that says where they belong', () => {
    const result = previewYamlImport(examplePlan(), lines('version: v3', 'auth_service:', '  enabled: yes', 'proxy_service:', '  enabled: yes', '  tunnel_strategy:', '    type: agent_mesh'));
    if (!result.ok) throw new Error(result.message);
    expect(result.warnings).toEqual([expect.stringMatching(/^proxy_service sets tunnel_strategy, which is not a Proxy Service setting/)]);
  });
});

describe('the key catalogue', () => {
  it.each(Object.entries(SECTION_KEYS))('%s lists each key once', (_section, keys) => {
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(Object.entries(SECTION_KEYS).filter(([section]) => section !== 'teleport'))('%s has the enabled and listen_addr of the Service struct it embeds', (_section, keys) => {
    expect(keys).toEqual(expect.arrayContaining(['enabled', 'listen_addr']));
  });

  it('knows every section that makes a file a teleport.yaml', () => {
    expect(TOP_LEVEL_KEYS).toEqual(expect.arrayContaining([...SERVICE_SECTIONS, 'version', 'teleport']));
    expect(new Set(TOP_LEVEL_KEYS).size).toBe(TOP_LEVEL_KEYS.length);
  });
});

describe('spelling', () => {
  it.each([
    ['addr', 'addr', 0],
    ['adrd', 'addr', 1],
    ['web_listen_adr', 'web_listen_addr', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('editDistance(%j, %j) is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it.each([
    ['web_listen_address', ['web_listen_addr', 'listen_addr'], 'web_listen_addr'],
    ['ui', ['ui', 'idp'], 'ui'],
    ['uii', ['ui', 'idp'], 'ui'],
    ['xyz', ['ui', 'idp'], undefined],
    ['tokenz', ['tokens', 'token'], 'tokens'],
    ['frobnicate', ['enabled', 'listen_addr'], undefined],
  ])('closestKey(%j) is %j', (key, candidates, expected) => {
    expect(closestKey(key, candidates)).toBe(expected);
  });
});
