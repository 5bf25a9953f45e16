import { sleep } from 'n8n-workflow';

import { budgetUnder, MAX_ADVERTISED_WINDOW_MS, type RateLimit } from './limits';
import { headerValue } from './retry';

type Headers = Record<string, unknown>;

/** What one budget has done since the process started (or since resetThrottle): for tests and benchmarks. */
export interface ThrottleStats {
	/** e.g. "https://api.truto.one account 7f3c…" or "https://api.truto.one token". */
	label: string;
	/** Requests let through. */
	requests: number;
	/** How many times a request had to wait, and for how long in total. */
	waits: number;
	waitedMs: number;
	/** 429 answers seen. */
	rateLimited: number;
}

/**
 * One request budget (an integrated account, or an API token) shared by every execution in this
 * n8n process. Three things can hold a request back:
 * - the local budget: a sliding window of send times (e.g. 49 per 10.2 s under Truto's 50 / 10 s);
 * - what the server advertises: `ratelimit-limit` (a stricter policy is adopted),
 *   `ratelimit-remaining` / `ratelimit-reset` (nothing more is sent when the remaining count is used up
 *   until the reset), and a 429's wait (the whole budget pauses, not just the request that got it).
 */
class Bucket {
	readonly stats: ThrottleStats;

	lastUsed = Date.now();

	/** Send times within the longest window in use, oldest first. */
	private sent: number[] = [];

	private advertised: RateLimit | undefined;

	private allowance: { remaining: number; until: number } | undefined;

	private blockedUntil = 0;

	private inFlight = 0;

	constructor(
		label: string,
		private readonly budget: RateLimit | undefined,
	) {
		this.stats = { label, requests: 0, waits: 0, waitedMs: 0, rateLimited: 0 };
	}

	/** Milliseconds until a request may be sent; 0 means now. */
	delay(now: number): number {
		let wait = Math.max(0, this.blockedUntil - now);
		if (this.allowance && now >= this.allowance.until) this.allowance = undefined;
		if (this.allowance && this.allowance.remaining <= 0) wait = Math.max(wait, this.allowance.until - now);
		this.prune(now);
		for (const limit of [this.budget, this.advertised]) {
			if (!limit || this.sent.length < limit.requests) continue;
			const oldestThatCounts = this.sent[this.sent.length - limit.requests];
			wait = Math.max(wait, oldestThatCounts + limit.windowMs - now);
		}
		return wait;
	}

	/** How many requests this budget lets go at once now, without waiting (Infinity without any limit). */
	room(now: number): number {
		if (this.blockedUntil > now) return 0;
		if (this.allowance && now >= this.allowance.until) this.allowance = undefined;
		let room = this.allowance ? Math.max(0, this.allowance.remaining) : Number.POSITIVE_INFINITY;
		for (const limit of [this.budget, this.advertised]) {
			if (!limit) continue;
			const inWindow = this.sent.filter((sentAt) => sentAt > now - limit.windowMs).length;
			room = Math.min(room, Math.max(0, limit.requests - inWindow));
		}
		return room;
	}

	take(now: number): void {
		this.sent.push(now);
		this.inFlight++;
		this.stats.requests++;
		this.lastUsed = now;
		if (this.allowance) this.allowance.remaining--;
	}

	done(): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
	}

	/** Pauses the whole budget, e.g. for a 429's Retry-After. */
	block(until: number): void {
		this.blockedUntil = Math.max(this.blockedUntil, until);
	}

	rateLimited(): void {
		this.stats.rateLimited++;
	}

	/**
	 * Reads `ratelimit-limit`, `ratelimit-remaining` and `ratelimit-reset` of an answer (before done()).
	 * A reset further away than `maxWaitMs` (say a provider's hourly window) is not remembered: it would
	 * hold every later execution of this process back on one header's word; the next request asks again.
	 */
	observe(headers: Headers | undefined, now: number, maxWaitMs: number): void {
		const policy = parseLimitHeader(headerValue(headers, 'ratelimit-limit'));
		if (policy && policy.windowMs <= MAX_ADVERTISED_WINDOW_MS) this.advertised = budgetUnder(policy);

		const remaining = Number(headerValue(headers, 'ratelimit-remaining') ?? Number.NaN);
		const resetMs = parseResetMs(headerValue(headers, 'ratelimit-reset'), now);
		if (!Number.isFinite(remaining) || resetMs === undefined || resetMs > maxWaitMs) return;
		// Requests still in flight may not be counted in `remaining` yet: assume they will be.
		const left = remaining - Math.max(0, this.inFlight - 1);
		const until = now + resetMs;
		if (!this.allowance || until > this.allowance.until + 1000) this.allowance = { remaining: left, until };
		else this.allowance.remaining = Math.min(this.allowance.remaining, left);
	}

	private prune(now: number): void {
		const longest = Math.max(this.budget?.windowMs ?? 0, this.advertised?.windowMs ?? 0);
		const keep = Math.max(this.budget?.requests ?? 0, this.advertised?.requests ?? 0);
		let drop = 0;
		while (drop < this.sent.length && (this.sent[drop] <= now - longest || this.sent.length - drop > keep)) drop++;
		if (drop) this.sent.splice(0, drop);
	}
}

/** `50;w=10`, `50`, or a list such as `10, 10;w=1, 50;w=60`: the policy with the lowest rate. */
export function parseLimitHeader(value: string | undefined): RateLimit | undefined {
	if (!value) return undefined;
	let strictest: RateLimit | undefined;
	for (const part of value.split(',')) {
		const match = /^\s*(\d+)\s*(?:;\s*w\s*=\s*(\d+(?:\.\d+)?))?/.exec(part);
		if (!match || !match[2]) continue;
		const policy = { requests: Number(match[1]), windowMs: Number(match[2]) * 1000 };
		if (policy.requests < 1 || policy.windowMs <= 0) continue;
		if (!strictest || policy.requests / policy.windowMs < strictest.requests / strictest.windowMs) strictest = policy;
	}
	return strictest;
}

/** `ratelimit-reset` in seconds from now; a value that looks like a Unix time is read as one. */
export function parseResetMs(value: string | undefined, now: number): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const seconds = Number(value);
	if (!Number.isFinite(seconds) || seconds < 0) return undefined;
	if (seconds > 1_000_000_000) return Math.max(0, seconds * 1000 - now);
	return seconds * 1000;
}

/** Budgets of this process, keyed by base URL and account (or token). */
const buckets = new Map<string, Bucket>();
const IDLE_BUCKET_MS = 10 * 60_000;
const MAX_BUCKETS = 1000;

export function bucketFor(key: string, label: string, limit: RateLimit | undefined): Bucket {
	let bucket = buckets.get(key);
	if (!bucket) {
		if (buckets.size >= MAX_BUCKETS) evictIdle();
		bucket = new Bucket(label, limit ? budgetUnder(limit) : undefined);
		buckets.set(key, bucket);
	}
	return bucket;
}

function evictIdle(): void {
	const now = Date.now();
	for (const [key, bucket] of buckets) if (now - bucket.lastUsed > IDLE_BUCKET_MS) buckets.delete(key);
}

export type { Bucket };

/**
 * Waits until every bucket lets a request through, then counts it in each. Waits are bounded: a
 * window is at most MAX_ADVERTISED_WINDOW_MS long (plus its stretch), and blocks and resets longer
 * than the retry policy's longest wait are never stored.
 */
export async function acquire(list: Bucket[]): Promise<void> {
	let waited = false;
	for (;;) {
		const now = Date.now();
		const wait = Math.max(0, ...list.map((bucket) => bucket.delay(now)));
		if (wait <= 0) {
			for (const bucket of list) bucket.take(now);
			return;
		}
		for (const bucket of list) {
			if (bucket.delay(now) <= 0) continue;
			if (!waited) bucket.stats.waits++;
			bucket.stats.waitedMs += wait;
		}
		waited = true;
		await sleep(Math.ceil(wait));
	}
}

/** A short, stable fingerprint of a token, so that a token's budget is found again without keeping the token. */
export function fingerprint(text: string): string {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

/** What every budget has done: for tests and benchmarks. */
export function throttleStats(): ThrottleStats[] {
	return [...buckets.values()].map((bucket) => ({ ...bucket.stats }));
}

/** Forgets every budget (tests and benchmarks). */
export function resetThrottle(): void {
	buckets.clear();
}
