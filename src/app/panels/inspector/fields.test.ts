import { describe, expect, it } from 'vitest';
import { ZoneSchema } from '../../../core/schema/index.ts';
import { describeObject, fieldShown, nodeFields, yamlKeyFor } from './fields.ts';

describe('inspector fields come from the schema', () => {
  it.each([
    ['tbot', 'joinVia', 'enum', ['proxy', 'auth']],
    ['agent', 'services', 'enum-set', ['ssh', 'kubernetes', 'database', 'app', 'desktop', 'discovery']],
    ['load-balancer', 'layer', 'enum', ['l4', 'l7']],
    ['database', 'engine', 'enum', undefined],
  ] as const)('%s: %s is a %s field', (kind, key, type, options) => {
    const field = nodeFields(kind).find((f) => f.key === key);
    expect(field?.type).toBe(type);
    if (options && field && 'options' in field) expect(field.options).toEqual(options);
  });

  it("an optional enum says what leaving it empty means where that is one of its values (tbot runtime)", () => {
    expect(nodeFields('tbot').find((f) => f.key === 'runtime')).toMatchObject({ type: 'enum', optional: true, unset: 'not set: on a host' });
    expect(nodeFields('agent').find((f) => f.key === 'runtime')).not.toHaveProperty('unset');
  });

  it('re-encryption is offered only while the load balancer terminates TLS', () => {
    const field = nodeFields('load-balancer').find((f) => f.key === 'tlsReencrypt')!;
    expect(fieldShown(field, { tlsTermination: false })).toBe(false);
    expect(fieldShown(field, { tlsTermination: true })).toBe(true);
    expect(fieldShown(nodeFields('load-balancer').find((f) => f.key === 'layer')!, {})).toBe(true);
  });

  it('nested objects and lists of objects get their own fields', () => {
    const lb = nodeFields('load-balancer').find((f) => f.key === 'mappings');
    expect(lb?.type).toBe('object-list');
    expect(lb && 'fields' in lb ? lb.fields.map((f) => f.key) : []).toEqual(['frontPort', 'targetPort']);
    const workload = nodeFields('tbot').find((f) => f.key === 'workloadApi');
    expect(workload?.type).toBe('object');
    expect(workload && 'optional' in workload ? workload.optional : false).toBe(true);
  });

  it('every node kind has fields, names first among them; identity and geometry are not fields', () => {
    for (const kind of ['auth', 'proxy', 'agent', 'tbot', 'relay', 'client', 'load-balancer', 'http-proxy', 'openssh-host', 'kube-api', 'database', 'windows-host', 'domain-controller', 'app', 'cloud-api'] as const) {
      const keys = nodeFields(kind).map((f) => f.key);
      expect(keys[0], kind).toBe('name');
      expect(keys).not.toContain('id');
      expect(keys).not.toContain('position');
    }
    expect(describeObject(ZoneSchema).map((f) => f.key)).toEqual(['name', 'kind', 'cidrs', 'notes']);
  });
});

describe('config keys beside the fields', () => {
  it('name the key of the node kind: tbot.yaml has no auth_servers', () => {
    expect([yamlKeyFor('joinAddr', 'agent'), yamlKeyFor('joinAddr', 'tbot'), yamlKeyFor('proxyProtocol', 'auth'), yamlKeyFor('name', 'tbot')]).toEqual([
      'proxy_server / auth_server / auth_servers',
      'proxy_server / auth_server',
      'proxy_protocol',
      undefined,
    ]);
  });
});
