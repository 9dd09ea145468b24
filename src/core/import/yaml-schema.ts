/**
 * The parts of teleport.yaml (`lib/config/fileconf.go`) the import reads. Lenient: unknown keys are
 * allowed (there are many), every field is optional, and each checked field says what it expects.
 */
import { z } from 'zod';
import { isHostPort } from '../schema/index.ts';

const str = z.string({ error: 'expected a string' });
const addr = str.refine((s) => isHostPort(s.trim()), { message: 'expected host:port, e.g. teleport.example.com:443 or 0.0.0.0:3080' });
/** `public_addr` and friends: one address or a list. */
const addrList = z.union([addr, z.array(addr)], { error: 'expected host:port or a list of host:port' });
const section = <T extends z.core.$ZodLooseShape>(shape: T) => z.looseObject(shape, { error: 'expected a section (a YAML mapping)' }).nullable().optional();

/**
 * Teleport's yes/no flags (`enabled: "yes"`, `enabled: true`). Parsed like Go's `strconv.ParseBool`
 * plus yes/no, which is what Teleport accepts.
 */
export const Flag = z
  .union([z.boolean(), z.string(), z.number()])
  .transform((v, ctx) => {
    if (typeof v === 'boolean') return v;
    const text = String(v).trim().toLowerCase();
    if (['yes', 'y', 'true', 't', '1', 'on'].includes(text)) return true;
    if (['no', 'n', 'false', 'f', '0', 'off'].includes(text)) return false;
    ctx.addIssue({ code: 'custom', message: 'expected yes or no' });
    return z.NEVER;
  });

const flag = Flag.optional();
const hostList = z.array(str, { error: 'expected a list of IP addresses or CIDRs' }).nullable().optional();

export const TeleportYamlSchema = z.looseObject(
  {
    version: z.enum(['v1', 'v2', 'v3'], { error: 'expected v1, v2 or v3' }).optional(),
    teleport: section({
      nodename: str.optional(),
      advertise_ip: str.optional(),
      auth_server: addr.optional(),
      auth_servers: addrList.optional(),
      proxy_server: addr.optional(),
    }),
    auth_service: section({
      enabled: flag,
      listen_addr: addr.optional(),
      public_addr: addrList.optional(),
      cluster_name: str.optional(),
      proxy_listener_mode: z.enum(['multiplex', 'separate'], { error: 'expected multiplex or separate' }).optional(),
      tunnel_strategy: section({
        type: z.enum(['agent_mesh', 'proxy_peering'], { error: 'expected agent_mesh or proxy_peering' }).optional(),
        agent_connection_count: z.number({ error: 'expected a number' }).int({ error: 'expected a whole number' }).min(1).max(16).optional(),
      }),
    }),
    proxy_service: section({
      enabled: flag,
      web_listen_addr: addr.optional(),
      public_addr: addrList.optional(),
      listen_addr: addr.optional(),
      ssh_public_addr: addrList.optional(),
      tunnel_listen_addr: addr.optional(),
      tunnel_public_addr: addrList.optional(),
      kube_listen_addr: addr.optional(),
      kube_public_addr: addrList.optional(),
      mysql_listen_addr: addr.optional(),
      mysql_public_addr: addrList.optional(),
      postgres_listen_addr: addr.optional(),
      postgres_public_addr: addrList.optional(),
      mongo_listen_addr: addr.optional(),
      mongo_public_addr: addrList.optional(),
      peer_listen_addr: addr.optional(),
      peer_public_addr: addr.optional(),
      acme: section({ enabled: flag, email: str.optional() }),
      proxy_protocol: z.union([z.enum(['on', 'off']), z.boolean()], { error: 'expected on or off' }).optional(),
      trust_x_forwarded_for: flag,
      /** Legacy (pre-v2) Kubernetes proxy settings. */
      kubernetes: section({ enabled: flag, listen_addr: addr.optional(), public_addr: addrList.optional() }),
    }),
    ssh_service: section({ enabled: flag, listen_addr: addr.optional(), force_listen: flag }),
    kubernetes_service: section({ enabled: flag, listen_addr: addr.optional() }),
    db_service: section({ enabled: flag }),
    app_service: section({ enabled: flag, allowed_hosts: hostList, denied_hosts: hostList }),
    windows_desktop_service: section({ enabled: flag, listen_addr: addr.optional(), ldap: section({ addr: str.optional() }) }),
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
