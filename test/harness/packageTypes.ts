import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { NodeTypeRegistry } from './nodeTypes';

const ROOT = join(__dirname, '..', '..');

interface PackageN8nField {
	nodes: string[];
	credentials: string[];
}

/** Source file for a `dist/...js` entry of package.json's n8n field. */
function sourceOf(distPath: string): string {
	return join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

function loadClasses<T>(distPaths: string[]): T[] {
	return distPaths.map((distPath) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(sourceOf(distPath)) as Record<string, new () => T>;
		const exported = Object.values(module).filter((value) => typeof value === 'function');
		if (exported.length === 0) throw new Error(`${distPath} exports no class`);
		return new exported[0]();
	});
}

export function packageN8nField(): PackageN8nField {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: PackageN8nField };
	return pkg.n8n;
}

/** Every node and credential the package declares, loaded from source the way n8n loads them from dist. */
export function loadPackageTypes(): {
	nodeTypes: NodeTypeRegistry;
	credentialTypes: Map<string, ICredentialType>;
	nodeNames: string[];
} {
	const field = packageN8nField();
	const nodeTypes = new NodeTypeRegistry();
	const nodeNames: string[] = [];
	for (const node of loadClasses<INodeType | IVersionedNodeType>(field.nodes)) {
		nodeTypes.addPackageNode(node);
		nodeNames.push(node.description.name);
	}
	const credentialTypes = new Map<string, ICredentialType>();
	for (const credential of loadClasses<ICredentialType>(field.credentials)) {
		credentialTypes.set(credential.name, credential);
	}
	return { nodeTypes, credentialTypes, nodeNames };
}
