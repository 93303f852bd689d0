// The refresh-task descriptor on its own, for the client methods that load it on first use (client.ts).
export { DescribeNewUcdnRefreshCacheTask as REFRESH } from '@scloud/ucdn-client/operations/DescribeNewUcdnRefreshCacheTask'
