export { TrutoClient, MAX_PAGE_SIZE, UNIFIED_MODEL, CREDENTIAL_TYPE, unifiedPath } from './client';
export type { TrutoRequest, ListRequest, ClientOptions, TrutoFunctions } from './client';
export type { RetryPolicy } from './retry';
