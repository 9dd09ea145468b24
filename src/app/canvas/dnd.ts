/** The drag-and-drop data type of a palette item (its id) between the palette and the canvas. */
export const PALETTE_MIME = 'application/x-portolan-palette';
