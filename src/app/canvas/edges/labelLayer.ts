/**
 * Where link labels are drawn: React Flow's edge-label layer, found once by the canvas. React Flow's own
 * `<EdgeLabelRenderer>` looks the layer up with a store selector, that is, a DOM query per label on every
 * change of its store (every frame of a drag): a thousand queries a frame in a 1,000-link plan.
 */
import { createContext } from 'react';

export const LabelLayer = createContext<HTMLElement | null>(null);
