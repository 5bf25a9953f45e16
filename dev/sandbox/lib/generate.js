'use strict';
// @ts-check
/**
 * Deterministic people for the large directories (zoom: 237 users; bench: up to 100,000+).
 * Each user is a pure function of (seed, index), so a virtual directory can produce any record
 * on demand without keeping the whole list in memory, and every run sees the same people.
 */
const { isoAt, UNIT_MS } = require('./dates');

const FIRST = [
	'Aaliyah',
	'Aarav',
	'Abigail',
	'Adebayo',
	'Aiko',
	'Alejandro',
	'Amelia',
	'Ananya',
	'Andrei',
	'Aylin',
	'Beatriz',
	'Benjamin',
	'Camila',
	'Chen',
	'Chloe',
	'Daniel',
	'Dmitri',
	'Elena',
	'Elif',
	'Emma',
	'Ethan',
	'Fatima',
	'Felipe',
	'Freya',
	'Gabriel',
	'Hana',
	'Hiroshi',
	'Ibrahim',
	'Ines',
	'Isabella',
	'Jack',
	'Jamal',
	'Javier',
	'Julia',
	'Kai',
	'Kavya',
	'Kwame',
	'Laila',
	'Leon',
	'Liam',
	'Lucas',
	'Maya',
	'Mateo',
	'Mei',
	'Mohammed',
	'Nia',
	'Noah',
	'Olivia',
	'Omar',
	'Oskar',
	'Priya',
	'Rafael',
	'Ravi',
	'Rin',
	'Rosa',
	'Samuel',
	'Sara',
	'Sebastian',
	'Sofia',
	'Tariq',
	'Thandiwe',
	'Tomás',
	'Valentina',
	'Wei',
	'Yara',
	'Yusuf',
	'Zainab',
	'Zoe',
];
const LAST = [
	'Abdullah',
	'Adeyemi',
	'Alvarez',
	'Andersen',
	'Bauer',
	'Becker',
	'Bianchi',
	'Chowdhury',
	'Costa',
	'Dubois',
	'Eriksson',
	'Fernandes',
	'Fischer',
	'Garcia',
	'Gonzalez',
	'Gupta',
	'Haddad',
	'Hansen',
	'Hoffmann',
	'Ibrahim',
	'Ito',
	'Jensen',
	'Johnson',
	'Kang',
	'Khan',
	'Kim',
	'Kowalski',
	'Kumar',
	'Larsen',
	'Lee',
	'Lopez',
	'Martin',
	'Mendoza',
	'Moreau',
	'Müller',
	'Nakamura',
	'Nguyen',
	'Novak',
	"O'Brien",
	'Okafor',
	'Olsen',
	'Patel',
	'Pereira',
	'Petrov',
	'Rahman',
	'Reyes',
	'Rossi',
	'Santos',
	'Schmidt',
	'Silva',
	'Singh',
	'Smith',
	'Sousa',
	'Suzuki',
	'Tanaka',
	'Taylor',
	'Thompson',
	'Tran',
	'Van Dijk',
	'Wang',
	'Williams',
	'Wilson',
	'Yamamoto',
	'Yilmaz',
	'Zhang',
];
const TIMEZONES = [
	'America/New_York',
	'America/Los_Angeles',
	'Europe/London',
	'Europe/Berlin',
	'Asia/Tokyo',
	'Asia/Kolkata',
	'America/Sao_Paulo',
	'Australia/Sydney',
];
const TITLES = [
	'Account Executive',
	'Software Engineer',
	'Support Specialist',
	'Product Manager',
	'Designer',
	'Marketing Manager',
	'Financial Analyst',
	'Recruiter',
	'Engineering Manager',
	'Customer Success Manager',
];

/** FNV-1a: a stable 32-bit seed from a string. @param {string} text */
function hash32(text) {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** mulberry32: tiny seeded PRNG, floats in [0, 1). @param {number} seed */
function rng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * @template T
 * @param {() => number} r
 * @param {T[]} list
 */
const pick = (r, list) => list[Math.floor(r() * list.length)];

/** @param {string} s */
const slug = (s) =>
	s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z]/g, '');

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * @typedef {{
 *   count?: number, seed: string, domain: string, idStyle: 'zoom' | 'numeric', idBase?: number,
 *   uniqueEmails?: 'index', sharedPeople?: number, adminEvery?: number,
 *   licenses: { free: string, paid: string, addon?: string },
 *   groups?: string[], role?: string, organization: string
 * }} GeneratorSpec  (the "generated.users" block of an account fixture)
 */

/**
 * Who user `index` is: name, id and email, from the first draws of the user's seeded sequence. Cheap
 * (no dates, no titles): an email index of a virtual directory is built from it.
 * @param {GeneratorSpec} spec
 * @param {number} index
 */
function generatedIdentity(spec, index) {
	const r = rng(hash32(`${spec.seed}:${index}`));
	const first = pick(r, FIRST);
	const last = pick(r, LAST);
	const id =
		spec.idStyle === 'zoom'
			? Array.from({ length: 22 }, () => pick(r, [...ID_ALPHABET])).join('')
			: String((spec.idBase ?? 1) + index);
	// The first `sharedPeople` users are the same people in every account of the estate (one email each).
	const shared = index < (spec.sharedPeople ?? 0);
	const local = shared ? `person.${index + 1}` : `${slug(first)}.${slug(last)}${spec.uniqueEmails === 'index' ? `.${index}` : ''}`;
	return { r, first, last, id, local, email: `${local}@${spec.domain}` };
}

/**
 * The compact fixture-style record (relative references, no remote_data) for user `index`.
 * @param {GeneratorSpec} spec
 * @param {number} index
 * @param {number} now epoch ms the dates are relative to
 */
function generatedUser(spec, index, now) {
	// The rest of the record continues the identity's seeded sequence.
	const { r, first, last, id, local, email } = generatedIdentity(spec, index);
	// Every `adminEvery`-th user is an admin, every other admin without 2FA (from the index: no draw of the seed changes).
	const admin = spec.adminEvery ? (index + 1) % spec.adminEvery === 0 : false;

	const roll = r();
	const status = roll < 0.86 ? 'active' : roll < 0.93 ? 'inactive' : 'invited';
	const paid = r() < 0.65;
	const addon = paid && spec.licenses.addon && r() < 0.12;

	// About one in seven has not been seen for 60–400 days: the seat-reclamation candidates.
	const activity = r();
	/** @type {number | null} */
	let idleDays = null;
	if (status !== 'invited') {
		if (activity < 0.14) idleDays = 60 + Math.floor(r() * 341);
		else if (activity >= 0.19) idleDays = Math.floor(r() * 30);
	}
	const idleMs = idleDays === null ? null : idleDays * UNIT_MS.d + Math.floor(r() * UNIT_MS.d);
	const createdDays = (idleDays ?? 0) + 30 + Math.floor(r() * 900);

	return {
		id,
		first_name: first,
		last_name: last,
		username: local,
		email,
		title: pick(r, TITLES),
		status,
		user_type: admin ? 'admin' : paid ? 'user' : 'limited',
		...(admin ? { is_2fa_enabled: ((index + 1) / /** @type {number} */ (spec.adminEvery)) % 2 === 0 } : {}),
		timezone: pick(r, TIMEZONES),
		licenses: [
			paid ? spec.licenses.paid : spec.licenses.free,
			...(addon ? [/** @type {string} */ (spec.licenses.addon)] : []),
		],
		groups: spec.groups?.length ? [pick(r, spec.groups)] : [],
		roles: spec.role ? [spec.role] : [],
		organizations: [spec.organization],
		last_active_at: idleMs === null ? null : isoAt(now, -idleMs),
		last_login_at: idleMs === null ? null : isoAt(now, -idleMs - 2 * UNIT_MS.h),
		created_at: isoAt(now, -createdDays * UNIT_MS.d),
		updated_at: isoAt(now, -Math.min(createdDays, (idleDays ?? 0) + 3) * UNIT_MS.d),
	};
}

module.exports = { generatedUser, generatedIdentity, hash32, rng };
