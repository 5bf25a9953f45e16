import type { ResourceDefinition } from '../types';
import { integratedAccount } from './integratedAccount';
import { license } from './license';
import { organization } from './organization';
import { user } from './user';

/** Every resource the node offers. Adding one is adding an entry here. */
export const RESOURCES: ResourceDefinition[] = [user, organization, license, integratedAccount];

/** Resources read through one integrated account (most of them). */
export const UNIFIED_RESOURCES = RESOURCES.filter((resource) => resource.scope === 'unified');

export function findResource(value: string): ResourceDefinition | undefined {
	return RESOURCES.find((resource) => resource.value === value);
}
