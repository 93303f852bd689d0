// The generated pieces the SDK composes after the bytes arrive, measured alone to explain a figure.
export { DescribeNewUcdnPrefetchCacheTaskResponseFromJSON } from '@scloud/ucdn-client'
export { DescribeNewUcdnPrefetchCacheTaskResponseSchema } from '@scloud/ucdn-client/schemas'
