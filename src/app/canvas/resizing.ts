/**
 * The zone being resized, if any. While resizing from a top or left edge React Flow moves the zone and
 * counter-moves its children; in the plan members keep their absolute positions, so the canvas must not
 * treat that as "zone moved, members follow".
 */
export const resizingZone: { current: string | null } = { current: null };
