/** A field moved to position `to` of the full field order (clamped); the others keep their order. */
export function moveInOrder(order: readonly string[], fieldId: string, to: number): string[] {
  const from = order.indexOf(fieldId);
  if (from < 0) return [...order];
  const next = order.filter((id) => id !== fieldId);
  next.splice(Math.max(0, Math.min(next.length, to)), 0, fieldId);
  return next;
}
