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
	it('uses no top-level name of another resource, besides Operation and Options', () => {
		const mine = [...reclamationProperties, ...reclaimProperties];
		const own = new Set(mine.map((property) => property.name));
		const others = properties.filter((property) => !mine.includes(property)).map((property) => property.name);
		const shared = others.filter((name) => own.has(name) && name !== 'operation' && name !== 'options');
		expect(shared).toEqual([]);
	});
});
