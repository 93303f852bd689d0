// zod/mini schemas compiled from openapi/ucdn.yaml, keyed by wire names (PascalCase), plus the per-action table.

export type {
  ActionName,
  DescribeNewUcdnPrefetchCacheTaskRequestWire,
  DescribeNewUcdnPrefetchCacheTaskResponseWire,
  TaskInfoWire,
  UrlProgressInfoWire,
} from './generated/schemas.js'
export {
  DescribeNewUcdnPrefetchCacheTaskRequestSchema,
  DescribeNewUcdnPrefetchCacheTaskResponseSchema,
  ObservedStatusSchema,
  operations,
  PrefetchStatusSchema,
  RetCodeSchema,
  TaskInfoSchema,
  UrlProgressInfoSchema,
} from './generated/schemas.js'
