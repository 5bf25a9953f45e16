import type { INode, INodeType, INodeTypes, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

/**
 * A node's canvas subtitle as n8n's editor computes it: its `subtitle` expression evaluated by
 * n8n-workflow's expression engine over the node's parameters.
 */
export function subtitleOf(nodeType: INodeType, parameters: INodeParameters): unknown {
	const { description } = nodeType;
	const node: INode = {
		id: 'c0ffee00-0000-4000-8000-0000000000ff',
		name: description.defaults.name ?? description.displayName,
		type: `n8n-nodes-truto.${description.name}`,
		typeVersion: Array.isArray(description.version) ? description.version[description.version.length - 1] : description.version,
		position: [0, 0],
		parameters,
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, description.subtitle as string, 'internal', {});
}
