/** Seat Reclamation in the editor: its parameters, shown only for its operation. */
import type { INodeProperties } from 'n8n-workflow';

import { TrutoUserDirectory } from '../../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { reclamationProperties } from '../../../../nodes/TrutoUserDirectory/seatReclamation/parameters';

const { properties } = new TrutoUserDirectory().description;
const shownFor = (property: INodeProperties) => (property.displayOptions?.show ?? {}) as Record<string, unknown[]>;

describe('Seat Reclamation parameters', () => {
	it('is a resource whose one operation, Find Reclaimable Seats, is its default', () => {
		const resource = properties.find((property) => property.name === 'resource');
		expect(resource?.options).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Seat Reclamation', value: 'seatReclamation' })]));
		const operation = properties.find((property) => property.name === 'operation' && shownFor(property).resource?.includes('seatReclamation'));
		expect(operation?.default).toBe('findReclaimableSeats');
		expect(operation?.options).toEqual([expect.objectContaining({ name: 'Find Reclaimable Seats', value: 'findReclaimableSeats', action: 'Find reclaimable seats across apps' })]);
	});

	it('shows its parameters only for Find Reclaimable Seats, and no account picker or Truto options of the other resources', () => {
		for (const property of reclamationProperties) {
			expect(shownFor(property)).toMatchObject({ resource: ['seatReclamation'], operation: ['findReclaimableSeats'] });
		}
		const shownHere = properties.filter((property) => shownFor(property).resource?.includes('seatReclamation')).map((property) => property.name);
		expect(shownHere).toEqual(['operation', 'accountScope', 'integratedAccounts', 'integrations', 'identityProvider', 'inactiveDays', 'reviewOutput', 'options']);
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
		const own = new Set(reclamationProperties.map((property) => property.name));
		const others = properties.filter((property) => !reclamationProperties.includes(property)).map((property) => property.name);
		const shared = others.filter((name) => own.has(name) && name !== 'operation' && name !== 'options');
		expect(shared).toEqual([]);
	});
});
