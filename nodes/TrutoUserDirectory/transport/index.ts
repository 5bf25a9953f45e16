export { TrutoClient, UNIFIED_MODEL, CREDENTIAL_TYPE, unifiedPath, setClientDefaults } from './client';
export type { TrutoRequest, ListRequest, ClientOptions, TrutoFunctions } from './client';
export type { RetryPolicy } from './retry';
export { MAX_PAGE_SIZE, ITEM_CONCURRENCY, TRUTO_RATE_LIMITS } from './limits';
export type { RateLimit, RateLimits } from './limits';
export { throttleStats, resetThrottle } from './throttle';
export type { ThrottleStats } from './throttle';
