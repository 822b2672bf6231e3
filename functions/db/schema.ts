// The one DynamoDB table: its key attributes and indexes. Read by infra (CDK) and by local table creation.

export interface IndexShape {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export const tableSchema = {
  /** Logical name; the physical name comes from configuration (TABLE_NAME). */
  logicalName: 'PiawaiTable',
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB deletes expired approval tokens and sessions by itself. */
  ttlAttribute: 'ttl',
  /** Generic overloaded indexes; db/keys.ts says which access pattern each entity puts in them. */
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ] satisfies readonly IndexShape[],
} as const;

export type IndexName = (typeof tableSchema.indexes)[number]['name'];
