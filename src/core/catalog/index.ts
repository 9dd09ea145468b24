/**
 * The Teleport catalog: ports, listeners, flows, relations and findings as data, each entry with
 * its source. The engine reads only this; supporting a new Teleport version is a change here.
 */
export { KIND_INFO, PALETTE, PALETTE_GROUPS, freeId, paletteItem } from './kinds.ts';
export type { KindFamily, KindInfo, PaletteGroup, PaletteItem, PaletteTarget } from './kinds.ts';
export { SOURCES, codeUrl, docUrl, sourceUrl } from './sources.ts';
export type { Source, SourceKey } from './sources.ts';
export { KEEPALIVE_IDLE_LIMIT_SECONDS, LB_IDLE_TIMEOUT_TARGET, PORTS, SCHEME_PORTS, SENSITIVE_PORT_RANGE } from './ports.ts';
export type { PortInfo } from './ports.ts';
export { AGENT_SERVICES, AUTH_DEFAULT_PORT, CONFIG_VERSIONS, JOIN_KEYS, joinKeyOf, KUBE_SERVICE_PORTLESS_PORT, MONITOR_ENDPOINTS, PEER_ADDRESS_PREFERENCE, PEER_DEFAULT_PORT, PROXY_LISTENERS, PUBLIC_NEEDS_LISTEN, QUIC_PEERING_SINCE, RELAY_CLIENT_DEFAULT_PORT, RELAY_LISTENERS, SEPARATE_MODE_LISTENERS, TBOT_JOIN_KEYS, TRUST_WEB_PROXY_DEFAULT_PORT, TUNNEL_ENV_DEFAULT_PORT, V1_LEGACY_LISTENERS } from './listeners.ts';
export type { AgentServiceSpec, ConfigVersionSpec, JoinKeySpec, ProxyListenerId, ProxyListenerSpec } from './listeners.ts';
export { CLIENT_TOOLS, usesProxy } from './client-tools.ts';
export type { ToolNeed, ToolSpec } from './client-tools.ts';
export { DATABASE_ENGINES } from './databases.ts';
export type { DatabaseEngineSpec } from './databases.ts';
export { AGENT_RESOURCES, APP_SCHEME_FORWARD_PROXY, APP_TCP_PORTS_SINCE, AUTH_BACKENDS, RELAY_SINCE, resourceForwardProxy, resourceSpec } from './resources.ts';
export type { ResourceFlowSpec, ResourcePort, ResourceSpec } from './resources.ts';
export { ACME, ACME_CA_ID, CLOUD, CLOUD_TENANT_PREFIX, FORWARD_PROXY, INTERNET_CIDR, TLS_ROUTING_L7_NOTE } from './network.ts';
export { KUBELET, KUBELET_PREFIX, OCI_REGISTRIES_PREFIX, PRIVATE_REGISTRIES_PREFIX, SIGSTORE, WORKLOAD_API } from './workload.ts';
export { RELATIONS } from './relations.ts';
export type { RelationCondition, RelationId, RelationSpec } from './relations.ts';
export { GENERIC_REFUSAL, LINK_REFUSALS } from './refusals.ts';
export type { RefusalCondition, RefusalSpec } from './refusals.ts';
export { ALL_FLOW_TEMPLATES, FLOW_TEMPLATES, PEERING_TEMPLATES, flowTemplate } from './flows/index.ts';
export type { FlowTemplate, ForwardProxyUse } from './flows/index.ts';
// The finding specs (findings.ts) are imported from their file by the checks alone: the texts stay in the
// checks' chunk, which the browser loads after first paint.
export { FINDING_TITLES } from './findings-titles.ts';
export type { FindingSpec } from './findings.ts';
export { L7_TLS_ROUTING_MIN_VERSION, PEER_LISTEN_FIX, fixStatus, predates, release, versionText } from './versions.ts';
export type { FixStatus, PatchFix, Release } from './versions.ts';
