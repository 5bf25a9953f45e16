import type { IDataObject } from 'n8n-workflow';

import type { ResourceDefinition } from '../../shared/model/types';
import type { MethodMeta } from '../../shared/transport';

/**
 * Keeps a filter sent under several names (users' Email: `emails`, `email`) only under the names the
 * account's list metadata lists; when it lists none of them (or there is no metadata), all stay, as
 * an integration ignores the filters it does not support.
 */
export function fitFilterNames(resource: ResourceDefinition, query: IDataObject, meta: MethodMeta | undefined): IDataObject {
	if (!resource.listFilters || !meta) return query;
	const known = new Set(meta.query.map((spec) => spec.name));
	const fitted = { ...query };
	for (const target of Object.values(resource.listFilters.targets)) {
		if (!target.alternatives) continue;
		const names = [target.name, ...target.alternatives].filter((name) => name in fitted);
		const listed = names.filter((name) => known.has(name));
		if (listed.length === 0) continue;
		for (const name of names) if (!listed.includes(name)) delete fitted[name];
	}
	return fitted;
}
