/* tslint:disable */
/* eslint-disable */
export * from './DescribeNewUcdnPrefetchCacheTaskRequest.js';
export * from './DescribeNewUcdnPrefetchCacheTaskResponse.js';
export * from './DescribeNewUcdnRefreshCacheTaskRequest.js';
export * from './DescribeNewUcdnRefreshCacheTaskResponse.js';
export * from './GetUcdnDomainPrefetchEnableRequest.js';
export * from './GetUcdnDomainPrefetchEnableResponse.js';
export * from './GetUcdnDomainPrefetchRefreshStateRequest.js';
export * from './GetUcdnDomainPrefetchRefreshStateResponse.js';
export * from './PrefetchNewUcdnDomainCacheRequest.js';
export * from './PrefetchNewUcdnDomainCacheResponse.js';
export * from './PrefetchStatus.js';
export * from './RefreshNewUcdnDomainCacheRequest.js';
export * from './RefreshNewUcdnDomainCacheResponse.js';
export * from './RefreshTaskInfo.js';
export * from './RefreshTaskType.js';
export * from './RefreshType.js';
export * from './RetCode.js';
export * from './SubmitTaskResponse.js';
export * from './TaskInfo.js';
export * from './UrlProgressInfo.js';
