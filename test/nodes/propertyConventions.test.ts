/**
 * n8n's linter checks these rules on property literals only; parameters built by helpers
 * (numberProperty, optionsProperty, titledChoices …) pass it unseen, so the built descriptions are held
 * to the same rules here.
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { TrutoTrigger } from '../../nodes/TrutoTrigger/TrutoTrigger.node';
import { TrutoUserDirectory } from '../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { TrutoUserDirectoryTrigger } from '../../nodes/TrutoUserDirectoryTrigger/TrutoUserDirectoryTrigger.node';

type Nested = INodeProperties | INodePropertyCollection | INodePropertyOptions;

/** Every property of a node, with the fields inside collections and row lists, named by its path. */
function everyProperty(list: Nested[], path = ''): Array<[string, INodeProperties]> {
	return list.flatMap((entry): Array<[string, INodeProperties]> => {
		const where = `${path}${'name' in entry ? String(entry.name) : '?'}`;
		if ('values' in entry && Array.isArray(entry.values)) return everyProperty(entry.values, `${where}.`);
		if (!('type' in entry) || !('displayName' in entry)) return [];
		const inside = entry.type === 'collection' || entry.type === 'fixedCollection' ? everyProperty((entry.options ?? []) as Nested[], `${where}.`) : [];
		return [[where, entry as INodeProperties], ...inside];
	});
}

const nodes: Array<[string, INodeType]> = [
	['Truto User Directory', new TrutoUserDirectory()],
	['Truto Directory Poll Trigger', new TrutoUserDirectoryTrigger()],
	['Truto Webhook Trigger', new TrutoTrigger()],
];

describe.each(nodes)('%s: properties follow the rules n8n lints literals by', (_name, node) => {
	const properties = everyProperty(node.description.properties);
	const withChoices = properties.filter(([, property]) => (property.type === 'options' || property.type === 'multiOptions') && !property.typeOptions?.loadOptionsMethod);

	it('lists five or more choices by name', () => {
		for (const [where, property] of withChoices) {
			// A "Not Set" choice (value '') stands first on purpose.
			const names = (property.options as INodePropertyOptions[]).filter((option) => option.value !== '').map((option) => option.name);
			if (names.length < 5) continue;
			expect({ where, names }).toEqual({ where, names: [...names].sort((a, b) => a.localeCompare(b)) });
		}
	});

	it('defaults to one of its choices', () => {
		for (const [where, property] of withChoices) {
			const values = (property.options as INodePropertyOptions[]).map((option) => option.value);
			const defaults = property.type === 'multiOptions' ? (property.default as unknown[]) : [property.default];
			// An empty options default means "not chosen" (a per-integration field that is then not sent).
			for (const value of defaults.filter((entry) => entry !== '')) expect({ where, value, known: values.includes(value as string) }).toEqual({ where, value, known: true });
		}
	});

	it('describes booleans with "Whether"', () => {
		for (const [where, property] of properties.filter(([, entry]) => entry.type === 'boolean')) {
			expect({ where, description: property.description?.startsWith('Whether') }).toEqual({ where, description: true });
		}
	});

	it('keeps a number within its own range by default', () => {
		for (const [where, property] of properties.filter(([, entry]) => entry.type === 'number')) {
			const { minValue = -Infinity, maxValue = Infinity } = (property.typeOptions ?? {}) as { minValue?: number; maxValue?: number };
			const value = property.default as number;
			expect({ where, inRange: value >= minValue && value <= maxValue }).toEqual({ where, inRange: true });
		}
	});
});
