/**
 * `webclient.PingResponse`: the JSON of `GET https://HOST/webapi/ping` (and `/webapi/find`), as built
 * by `lib/web/proxy_settings.go` (reference §4). Lenient on purpose: unknown keys are kept (newer
 * Teleport versions add fields), every field is optional (Go's `omitempty`), and only the fields the
 * import reads are checked, each with a message a Teleport admin understands.
 */
import * as z from 'zod/mini';
import { isHostPort } from '../schema/index.ts';

const str = z.string({ error: 'expected a string' });
const bool = z.boolean({ error: 'expected true or false' });
const obj = <T extends z.core.$ZodLooseShape>(shape: T) => z.looseObject(shape, { error: 'expected an object' });

/** An address as Teleport reports it; empty means "not set" (Go's omitempty). */
const Addr = str.check(z.refine((s) => s === '' || isHostPort(s.trim()), { message: 'expected host:port, e.g. teleport.example.com:443 or 0.0.0.0:3080' }));

export const PingKube = obj({
  enabled: z.optional(bool),
  public_addr: z.optional(Addr),
  listen_addr: z.optional(Addr),
});

export const PingSsh = obj({
  listen_addr: z.optional(Addr),
  tunnel_listen_addr: z.optional(Addr),
  web_listen_addr: z.optional(Addr),
  public_addr: z.optional(Addr),
  ssh_public_addr: z.optional(Addr),
  /** JSON name of `tunnel_public_addr[0]`. */
  ssh_tunnel_public_addr: z.optional(Addr),
  /** Go `time.Duration`: nanoseconds. */
  dial_timeout: z.optional(z.number({ error: 'expected a number (nanoseconds)' })),
});

export const PingDb = obj({
  postgres_listen_addr: z.optional(Addr),
  postgres_public_addr: z.optional(Addr),
  mysql_listen_addr: z.optional(Addr),
  mysql_public_addr: z.optional(Addr),
  mongo_listen_addr: z.optional(Addr),
  mongo_public_addr: z.optional(Addr),
});

export const PingProxy = obj({
  kube: z.optional(PingKube),
  ssh: z.optional(PingSsh),
  db: z.optional(PingDb),
  tls_routing_enabled: z.optional(bool),
});

export const PingResponseSchema = obj({
  auth: z.optional(obj({})),
  /** Required: without it this is not a ping response (every Teleport version sends it). */
  proxy: PingProxy,
  server_version: z.optional(str),
  min_client_version: z.optional(str),
  cluster_name: z.optional(str),
  edition: z.optional(str),
  fips: z.optional(bool),
  automatic_upgrades: z.optional(bool),
  auto_update: z.optional(obj({})),
});

export type PingResponse = z.output<typeof PingResponseSchema>;
export type PingProxySettings = z.output<typeof PingProxy>;
