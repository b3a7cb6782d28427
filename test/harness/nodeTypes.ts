import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { ManualTrigger } from './manualTrigger';

/** The package's node types, registered under the names n8n gives a community package's nodes. */
export const PACKAGE_NAME = 'n8n-nodes-nex';

export class NodeTypeRegistry implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	constructor() {
		this.add('n8n-nodes-base.manualTrigger', new ManualTrigger());
	}

	add(typeName: string, nodeType: INodeType | IVersionedNodeType): this {
		this.types.set(typeName, nodeType);
		return this;
	}

	/** Registers a package node under `n8n-nodes-nex.<description.name>`. */
	addPackageNode(nodeType: INodeType | IVersionedNodeType): this {
		return this.add(`${PACKAGE_NAME}.${nodeType.description.name}`, nodeType);
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const found = this.types.get(nodeType);
		if (!found) throw new Error(`Unknown node type: ${nodeType}`);
		return found;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}
