// The attributes of an item that belong to storage (keys, index entries, audit chain, timestamps), as
// opposed to the value it holds.

const storageAttributes = new Set([
  'pk',
  'sk',
  'entity',
  'auditHash',
  'createdAt',
  'updatedAt',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
]);

/** An item's value without its storage attributes (and any `extra` names kept only for indexes). */
export const itemValue = (
  item: Record<string, unknown>,
  extra: readonly string[] = [],
): Record<string, unknown> =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !storageAttributes.has(k) && !extra.includes(k)));
