/** Public API of the imports: `/webapi/ping` JSON and teleport.yaml into a plan, as a preview. */
export { previewPingImport } from './ping.ts';
export type { PingImportOptions, PingImportResult } from './ping.ts';
export { PingResponseSchema } from './ping-schema.ts';
export type { PingResponse } from './ping-schema.ts';
export type { PlanChange } from './changes.ts';
export { previewYamlImport } from './teleport-yaml.ts';
export type { YamlImportOptions, YamlImportResult } from './teleport-yaml.ts';
