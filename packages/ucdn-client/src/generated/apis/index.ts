/* tslint:disable */
/* eslint-disable */
export * from './PrefetchApi.js';
