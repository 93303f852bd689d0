/* tslint:disable */
/* eslint-disable */
export * from './DomainApi.js';
export * from './PrefetchApi.js';
export * from './RefreshApi.js';
