/**
 * Access traces: the hops of a user's (or a bot's) path to a target, each with the rule that permits
 * it, and "what breaks" when a rule, a port or a link is closed. Pure: reads a plan and its derive
 * result, never the engine's internals.
 */
export { traceAccess } from './trace.ts';
export { accessPairs, isAccessTool, whatBreaks } from './breaks.ts';
export type { AccessPair, BrokenAccess, Closure, WhatBreaks } from './breaks.ts';
export type { AccessTool, Hop, MissingPart, Trace, TraceOptions } from './types.ts';
