import type { DocumentSlice } from './documentSlice.ts';
import type { UiSlice } from './uiSlice.ts';

export type AppState = DocumentSlice & UiSlice;
export type SetState = (partial: Partial<AppState>) => void;
export type GetState = () => AppState;
