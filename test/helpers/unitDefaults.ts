/**
 * Runs before every unit test file (jest.config.js → setupFiles). The unit tests call the sandbox
 * hundreds of times a second, far beyond Truto's 50 requests / 10 s, so the node's own request
 * budget is off here; the throttle tests (test/nodes/TrutoUserDirectory/transport/throttle.test.ts,
 * faults.test.ts) turn it on with their own numbers, and the e2e tests run the real defaults.
 * `ratelimit-*` headers and 429s are still obeyed.
 */
import { setClientDefaults } from '../../nodes/TrutoUserDirectory/transport';

setClientDefaults({ rateLimits: false });
