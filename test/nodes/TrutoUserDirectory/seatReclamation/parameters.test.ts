/** Seat Reclamation in the editor: its parameters, shown only for its operation. */
import type { INodeProperties } from 'n8n-workflow';

import { TrutoUserDirectory } from '../../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { reclamationProperties } from '../../../../nodes/TrutoUserDirectory/seatReclamation/parameters';
import { reclaimProperties } from '../../../../nodes/TrutoUserDirectory/seatReclamation/reclaimParameters';

const { properties } = new TrutoUserDirectory().description;
const shownFor = (property: INodeProperties) => (property.displayOptions?.show ?? {}) as Record<string, unknown[]>;

describe('Seat Reclamation parameters', () => {
	it('is a resource whose operations are Find Reclaimable Seats (the default) and Reclaim Seats', () => {
		const resource = properties.find((property) => property.name === 'resource');
		expect(resource?.options).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Seat Reclamation', value: 'seatReclamation' })]));
		const operation = properties.find((property) => property.name === 'operation' && shownFor(property).resource?.includes('seatReclamation'));
		expect(operation?.default).toBe('findReclaimableSeats');
		expect(operation?.options).toEqual([
			expect.objectContaining({ name: 'Find Reclaimable Seats', value: 'findReclaimableSeats', action: 'Find reclaimable seats across apps' }),
			expect.objectContaining({ name: 'Reclaim Seats', value: 'reclaimSeats', action: 'Reclaim seats found across apps' }),
		]);
	});

	it('shows each operation its own parameters, and no account picker or Truto options of the other resources', () => {
		for (const property of reclamationProperties) {
			expect(shownFor(property)).toMatchObject({ resource: ['seatReclamation'], operation: ['findReclaimableSeats'] });
		}
		for (const property of reclaimProperties) {
			expect(shownFor(property)).toMatchObject({ resource: ['seatReclamation'], operation: ['reclaimSeats'] });
		}
		const shownHere = properties.filter((property) => shownFor(property).resource?.includes('seatReclamation')).map((property) => property.name);
		expect(shownHere).toEqual([
			'operation',
			'accountScope',
			'integratedAccounts',
			'integrations',
			'identityProvider',
			'inactiveDays',
			'reviewOutput',
			'options',
			'reclaimInput',
			'reclaimAccount',
			'reclaimUserId',
			'dryRun',
			'reclaimOptions',
		]);
		expect(reclaimProperties.find((property) => property.name === 'dryRun')?.default).toBe(true);
	});

	it('lets a scope by integration be given as plain text, for people and AI agents', () => {
		const integrations = reclamationProperties.find((property) => property.name === 'integrations');
		expect(integrations).toMatchObject({ type: 'string', placeholder: 'e.g. zoom, github' });
		expect(shownFor(integrations as INodeProperties).accountScope).toEqual(['integrations']);
		expect(new TrutoUserDirectory().description.usableAsTool).toBe(true);
	});
});

describe('names apart from the other resources', () => {
	// n8n keeps a value when another parameter of the same name is shown instead (switching resource), so
	// a Seat Reclamation value would stand as an unsupported value of a read's Output, and the reverse.
	// Only the estate scope (estate/scopeParameters.ts) is shared, with one type and one set of values.
	const { shape } = { shape: (property: INodeProperties) => JSON.stringify([property.type, (property.options ?? []).map((option) => ('value' in option ? option.value : option.name))]) };

	it('uses no top-level name of another resource with another type or other values, besides Operation and Options', () => {
		const mine = [...reclamationProperties, ...reclaimProperties];
		const own = new Map(mine.map((property) => [property.name, shape(property)]));
		const others = properties.filter((property) => !mine.includes(property));
		const clashing = others.filter((property) => own.has(property.name) && property.name !== 'operation' && property.name !== 'options' && own.get(property.name) !== shape(property));
		expect(clashing.map((property) => property.name)).toEqual([]);
	});

	it('shares only the account scope with other operations', () => {
		const mine = [...reclamationProperties, ...reclaimProperties];
		const own = new Set(mine.map((property) => property.name));
		const shared = new Set(properties.filter((property) => !mine.includes(property) && own.has(property.name)).map((property) => property.name));
		expect([...shared].filter((name) => name !== 'operation' && name !== 'options').sort()).toEqual(['accountScope', 'identityProvider', 'integratedAccounts', 'integrations'].filter((name) => shared.has(name)).sort());
		expect(shared.has('accountScope')).toBe(true);
	});
});
