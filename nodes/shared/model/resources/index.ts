import type { ResourceDefinition } from '../types';
import { activity } from './activity';
import { billing } from './billing';
import { group } from './group';
import { integratedAccount } from './integratedAccount';
import { license } from './license';
import { me } from './me';
import { organization } from './organization';
import { role } from './role';
import { roleAssignment } from './roleAssignment';
import { user } from './user';
import { utilization } from './utilization';
import { workspace } from './workspace';

/** Every resource of Truto's user directory the nodes offer. Adding one is adding an entry here. */
export const RESOURCES: ResourceDefinition[] = [
	user,
	organization,
	license,
	group,
	role,
	roleAssignment,
	workspace,
	activity,
	me,
	billing,
	utilization,
	integratedAccount,
];

/** Resources read through one integrated account (most of them). */
export const UNIFIED_RESOURCES = RESOURCES.filter((resource) => resource.scope === 'unified');

export function findResource(value: string): ResourceDefinition | undefined {
	return RESOURCES.find((resource) => resource.value === value);
}
