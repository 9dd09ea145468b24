/**
 * The resources `windows_desktop_service` declares: `ldap.addr` → a domain controller; `static_hosts`
 * and the older `hosts` and `non_ad_hosts` → Windows hosts (`addr` is host or host:port, RDP 3389 by
 * default: `WindowsHost` in lib/config/fileconf.go).
 */
import * as z from 'zod/mini';
import { shortHost, showHostPort as show, uriHosts } from './addr.ts';
import type { Add, At, Each } from './yaml-resources.ts';
import { WindowsHostEntrySchema } from './yaml-schema.ts';
import type { TeleportYaml } from './yaml-schema.ts';

/** `ldap.addr` → a domain controller (with `kdc_address` when on the same host); Windows hosts. */
export function desktopResources(cfg: TeleportYaml, at: At, add: Add, each: Each, warnings: string[]): void {
  const desktop = cfg.windows_desktop_service;
  const ldapAddr = desktop?.ldap?.addr?.trim();
  if (ldapAddr) {
    const where = at(['windows_desktop_service', 'ldap', 'addr']);
    const dc = uriHosts(ldapAddr)?.[0];
    if (!dc) warnings.push(`${where}: ${ldapAddr} is not a host:port the plan can read; no domain controller added.`);
    else {
      const kdcText = desktop?.kdc_address?.trim();
      const kdc = kdcText ? uriHosts(kdcText)?.[0] : undefined;
      const sameHost = kdc !== undefined && kdc.host.toLowerCase() === dc.host.toLowerCase();
      if (kdcText && !sameHost) {
        warnings.push(`${at(['windows_desktop_service', 'kdc_address'])}: the Kerberos KDC ${kdcText} is not on the LDAP host ${dc.host}, and the plan's domain controller has both on one host; add a domain controller for it and link it to the agent.`);
      }
      add('windows_desktop_service.ldap.addr', where, shortHost(dc.host), `Domain controller "${dc.host}" (LDAP ${show(dc)})`, {
        kind: 'domain-controller', name: dc.host.slice(0, 120), addresses: [dc.host],
        ...(dc.port !== undefined ? { ldapPort: dc.port } : {}),
        ...(sameHost && kdc.port !== undefined ? { kdcPort: kdc.port } : {}),
      });
    }
  }
  const windowsHost = (from: string, where: string, addr: string, name: string | undefined) => {
    const h = uriHosts(addr)?.[0];
    if (!h) {
      warnings.push(`${where}: ${addr} is not a host or host:port the plan can read; not added.`);
      return;
    }
    const label = name?.trim() || h.host;
    add(from, where, name?.trim() || shortHost(h.host), `Windows host "${label}" (${show(h)})`, {
      kind: 'windows-host', name: label.slice(0, 120), addresses: [h.host], ...(h.port !== undefined ? { rdpPort: h.port } : {}),
    });
  };
  each(['windows_desktop_service', 'static_hosts'], desktop?.static_hosts, WindowsHostEntrySchema, (host, where) => windowsHost('windows_desktop_service.static_hosts', where, host.addr, host.name));
  for (const key of ['hosts', 'non_ad_hosts'] as const) {
    each(['windows_desktop_service', key], desktop?.[key], z.string({ error: 'expected an address (host or host:port)' }), (addr, where) => windowsHost(`windows_desktop_service.${key}`, where, addr, undefined));
  }
}
