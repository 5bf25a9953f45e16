/**
 * What n8n's editor reads from the action node's description beyond its parameters: the per-integration
 * fields' hints (n8n cannot hide them by an account's metadata) and no defaultVersion (n8n offers its
 * Custom API Call only to nodes without one).
 */
import type { INodeProperties } from 'n8n-workflow';

import { TrutoUserDirectory } from '../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';

const { description } = new TrutoUserDirectory();
const shownFor = (name: string, resource: string) =>
	description.properties.find(
		(property: INodeProperties) => property.name === name && (property.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
	);

describe('the action node’s description', () => {
	it('says under Product which app takes it', () => {
		expect(shownFor('product', 'user')?.hint).toBe('Microsoft 365 only; other apps ignore it');
		expect(shownFor('product', 'license')?.hint).toBe('Required by Microsoft 365; most other apps ignore it');
		expect(shownFor('organization', 'license')?.hint).toBeUndefined();
	});

	it('declares no defaultVersion, so n8n offers Custom API Call; new nodes still get the last version', () => {
		expect(description.defaultVersion).toBeUndefined();
		expect(description.version).toEqual([1, 1.1]);
	});
});
