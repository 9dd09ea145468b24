/**
 * The parts of teleport.yaml (`lib/config/fileconf.go`) the import reads. Lenient: unknown keys are
 * allowed (there are many), every field is optional, and each checked field says what it expects.
 */
import * as z from 'zod/mini';
import { isHostPort } from '../schema/index.ts';

const str = z.string({ error: 'expected a string' });
const addr = str.check(z.refine((s) => isHostPort(s.trim()), { message: 'expected host:port, e.g. teleport.example.com:443 or 0.0.0.0:3080' }));
/** `public_addr` and friends: one address or a list. */
const addrList = z.union([addr, z.array(addr)], { error: 'expected host:port or a list of host:port' });
const section = <T extends z.core.$ZodLooseShape>(shape: T) => z.optional(z.nullable(z.looseObject(shape, { error: 'expected a section (a YAML mapping)' })));

/**
 * Teleport's yes/no flags (`enabled: "yes"`, `enabled: true`). Parsed like Go's `strconv.ParseBool`
 * plus yes/no, which is what Teleport accepts.
 */
export const Flag = z.pipe(
  z.union([z.boolean(), z.string(), z.number()]),
  z.transform((v, ctx) => {
    if (typeof v === 'boolean') return v;
    const text = String(v).trim().toLowerCase();
    if (['yes', 'y', 'true', 't', '1', 'on'].includes(text)) return true;
    if (['no', 'n', 'false', 'f', '0', 'off'].includes(text)) return false;
    ctx.issues.push({ code: 'custom', message: 'expected yes or no', input: v });
    return z.NEVER;
  }),
);

const flag = z.optional(Flag);
/** `proxy_protocol` of auth_service and proxy_service (YAML 1.1 readers see on/off as booleans). */
const proxyProtocol = z.optional(z.union([z.enum(['on', 'off']), z.boolean()], { error: 'expected on or off' }));
const hostList = z.optional(z.nullable(z.array(str, { error: 'expected a list of IP addresses or CIDRs' })));

/**
 * A list of statically declared resources (`db_service.databases`, `app_service.apps`, …). The list
 * itself must be a list (Teleport cannot read the file otherwise), but its entries are checked one by
 * one by the import (`DatabaseEntrySchema` and friends): a malformed entry is skipped with a warning
 * naming its line, and the agent and the other resources still import. Failing the whole file would
 * drop everything for one typo; skipping silently would drop the entry unseen. The warning loses nothing.
 */
const entries = z.optional(z.nullable(z.array(z.unknown(), { error: 'expected a list' })));

/** A required string field of an entry: "missing" when absent, as Teleport words it. */
const required = (what: string) => z.string({ error: (issue) => (issue.input === undefined ? `${what} is missing` : 'expected a string') });
const port = z.number({ error: 'expected a port number' }).check(z.int({ error: 'expected a port number' }), z.minimum(0), z.maximum(65535));

/** One `db_service.databases` entry (`Database` in fileconf.go): the fields the plan reads. */
export const DatabaseEntrySchema = z.looseObject(
  {
    name: required('name'),
    protocol: required('protocol'),
    uri: z.optional(str),
    aws: z.optional(z.nullable(z.looseObject({ region: z.optional(str) }))),
  },
  { error: 'expected a database (a mapping with name, protocol and uri)' },
);

/** One `app_service.apps` entry (`App` in fileconf.go). `tcp_ports` end_port 0 means a single port. */
export const AppEntrySchema = z.looseObject(
  {
    name: required('name'),
    uri: required('uri'),
    tcp_ports: z.optional(z.nullable(z.array(z.looseObject({ port, end_port: z.optional(port) }, { error: 'expected port and end_port' })))),
    /** `AWS`, `Azure` or `GCP` for cloud console and CLI apps (`types.CloudAWS` …). */
    cloud: z.optional(str),
  },
  { error: 'expected an app (a mapping with name and uri)' },
);

/** One `windows_desktop_service.static_hosts` entry (`WindowsHost`): `addr` is host or host:port (RDP, 3389 by default). */
export const WindowsHostEntrySchema = z.looseObject({ name: z.optional(str), addr: required('addr') }, { error: 'expected a host (a mapping with name and addr)' });

export const TeleportYamlSchema = z.looseObject(
  {
    version: z.optional(z.enum(['v1', 'v2', 'v3'], { error: 'expected v1, v2 or v3' })),
    teleport: section({
      nodename: z.optional(str),
      advertise_ip: z.optional(str),
      auth_server: z.optional(addr),
      auth_servers: z.optional(addrList),
      proxy_server: z.optional(addr),
    }),
    auth_service: section({
      enabled: flag,
      listen_addr: z.optional(addr),
      public_addr: z.optional(addrList),
      proxy_protocol: proxyProtocol,
      cluster_name: z.optional(str),
      proxy_listener_mode: z.optional(z.enum(['multiplex', 'separate'], { error: 'expected multiplex or separate' })),
      tunnel_strategy: section({
        type: z.optional(z.enum(['agent_mesh', 'proxy_peering'], { error: 'expected agent_mesh or proxy_peering' })),
        agent_connection_count: z.optional(z.number({ error: 'expected a number' }).check(z.int({ error: 'expected a whole number' }), z.minimum(1), z.maximum(16))),
      }),
    }),
    proxy_service: section({
      enabled: flag,
      web_listen_addr: z.optional(addr),
      public_addr: z.optional(addrList),
      listen_addr: z.optional(addr),
      ssh_public_addr: z.optional(addrList),
      tunnel_listen_addr: z.optional(addr),
      tunnel_public_addr: z.optional(addrList),
      kube_listen_addr: z.optional(addr),
      kube_public_addr: z.optional(addrList),
      mysql_listen_addr: z.optional(addr),
      mysql_public_addr: z.optional(addrList),
      postgres_listen_addr: z.optional(addr),
      postgres_public_addr: z.optional(addrList),
      mongo_listen_addr: z.optional(addr),
      mongo_public_addr: z.optional(addrList),
      peer_listen_addr: z.optional(addr),
      peer_public_addr: z.optional(addr),
      acme: section({ enabled: flag, email: z.optional(str) }),
      proxy_protocol: proxyProtocol,
      trust_x_forwarded_for: flag,
      /** Legacy (pre-v2) Kubernetes proxy settings. */
      kubernetes: section({ enabled: flag, listen_addr: z.optional(addr), public_addr: z.optional(addrList) }),
    }),
    ssh_service: section({ enabled: flag, listen_addr: z.optional(addr), force_listen: flag }),
    kubernetes_service: section({ enabled: flag, listen_addr: z.optional(addr) }),
    db_service: section({ enabled: flag, databases: entries }),
    app_service: section({ enabled: flag, allowed_hosts: hostList, denied_hosts: hostList, apps: entries }),
    windows_desktop_service: section({
      enabled: flag,
      listen_addr: z.optional(addr),
      ldap: section({ addr: z.optional(str) }),
      kdc_address: z.optional(str),
      static_hosts: entries,
      /** Deprecated lists of addresses (AD-joined and standalone), still read by Teleport. */
      hosts: entries,
      non_ad_hosts: entries,
    }),
    discovery_service: section({ enabled: flag }),
  },
  { error: 'expected a YAML mapping' },
);

export type TeleportYaml = z.output<typeof TeleportYamlSchema>;

/** The service sections that make a file a teleport.yaml, in the order messages list them. */
export const SERVICE_SECTIONS = [
  'auth_service',
  'proxy_service',
  'ssh_service',
  'kubernetes_service',
  'db_service',
  'app_service',
  'windows_desktop_service',
  'discovery_service',
] as const;

export type ServiceSection = (typeof SERVICE_SECTIONS)[number];
