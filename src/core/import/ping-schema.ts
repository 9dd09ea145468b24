/**
 * `webclient.PingResponse`: the JSON of `GET https://HOST/webapi/ping` (and `/webapi/find`), as built
 * by `lib/web/proxy_settings.go` (reference §4). Lenient on purpose: unknown keys are kept (newer
 * Teleport versions add fields), every field is optional (Go's `omitempty`), and only the fields the
 * import reads are checked, each with a message a Teleport admin understands.
 */
import { z } from 'zod';
import { isHostPort } from '../schema/index.ts';

const str = z.string({ error: 'expected a string' });
const bool = z.boolean({ error: 'expected true or false' });
const obj = <T extends z.core.$ZodLooseShape>(shape: T) => z.looseObject(shape, { error: 'expected an object' });

/** An address as Teleport reports it; empty means "not set" (Go's omitempty). */
const Addr = str.refine((s) => s === '' || isHostPort(s.trim()), { message: 'expected host:port, e.g. teleport.example.com:443 or 0.0.0.0:3080' });

export const PingKube = obj({
  enabled: bool.optional(),
  public_addr: Addr.optional(),
  listen_addr: Addr.optional(),
});

export const PingSsh = obj({
  listen_addr: Addr.optional(),
  tunnel_listen_addr: Addr.optional(),
  web_listen_addr: Addr.optional(),
  public_addr: Addr.optional(),
  ssh_public_addr: Addr.optional(),
  /** JSON name of `tunnel_public_addr[0]`. */
  ssh_tunnel_public_addr: Addr.optional(),
  /** Go `time.Duration`: nanoseconds. */
  dial_timeout: z.number({ error: 'expected a number (nanoseconds)' }).optional(),
});

export const PingDb = obj({
  postgres_listen_addr: Addr.optional(),
  postgres_public_addr: Addr.optional(),
  mysql_listen_addr: Addr.optional(),
  mysql_public_addr: Addr.optional(),
  mongo_listen_addr: Addr.optional(),
  mongo_public_addr: Addr.optional(),
});

export const PingProxy = obj({
  kube: PingKube.optional(),
  ssh: PingSsh.optional(),
  db: PingDb.optional(),
  tls_routing_enabled: bool.optional(),
});

export const PingResponseSchema = obj({
  auth: obj({}).optional(),
  /** Required: without it this is not a ping response (every Teleport version sends it). */
  proxy: PingProxy,
  server_version: str.optional(),
  min_client_version: str.optional(),
  cluster_name: str.optional(),
  edition: str.optional(),
  fips: bool.optional(),
  automatic_upgrades: bool.optional(),
  auto_update: obj({}).optional(),
});

export type PingResponse = z.output<typeof PingResponseSchema>;
export type PingProxySettings = z.output<typeof PingProxy>;
