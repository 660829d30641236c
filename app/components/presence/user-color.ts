// Distinct, readable on white and on the dark theme; a person keeps one color everywhere
// (avatar, cell outline) because it is derived from their id, not from join order.
const COLORS = ['#e8590c', '#2b8a3e', '#1971c2', '#ae3ec9', '#c2255c', '#0c8599', '#5f3dc4', '#e67700', '#087f5b', '#364fc7', '#a61e4d'] as const;

export function userColor(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return COLORS[hash % COLORS.length]!;
}
