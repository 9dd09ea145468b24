/** Public API of the templates gallery: ready-made plans a user can start from. */
export { TEMPLATES, templateById } from './registry.ts';
export type { Template } from './types.ts';
export { NODE_HEIGHT, NODE_WIDTH, ZONE_PADDING } from './layout.ts';
