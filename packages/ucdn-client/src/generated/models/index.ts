/* tslint:disable */
/* eslint-disable */
export * from './DescribeNewUcdnPrefetchCacheTaskRequest.js';
export * from './DescribeNewUcdnPrefetchCacheTaskResponse.js';
export * from './PrefetchStatus.js';
export * from './RetCode.js';
export * from './TaskInfo.js';
export * from './UrlProgressInfo.js';
