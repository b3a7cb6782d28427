import { loadExamples } from './stack';
import { join } from 'node:path';
import { ROOT, packageManifest } from './n8n';
const manifest = packageManifest();
const types: Record<string, any> = {};
for (const p of manifest.n8n.nodes) { const m = require(join(ROOT, p)); const C: any = Object.values(m)[0]; const d = new C().description; types[`n8n-nodes-nex.${d.name}`] = d; }
for (const { file, workflow } of loadExamples()) for (const node of workflow.nodes) {
	const d = types[node.type]; if (!d) continue;
	for (const [k, v] of Object.entries(node.parameters)) {
		const props = d.properties.filter((p: any) => p.name === k && Object.entries(p.displayOptions?.show ?? {}).every(([dk, dv]: any) => dk.startsWith('@') || dk.startsWith('/') || dv.includes((node.parameters as any)[dk] ?? d.properties.find((q: any) => q.name === dk)?.default)));
		if (k === 'pollTimes') continue;
		if (props.length === 0) console.log(file, node.name, 'UNKNOWN/HIDDEN', k);
		else if (typeof v === 'object' && v && !('__rl' in v) && props[0].type === 'collection') for (const sk of Object.keys(v)) if (!props[0].options.some((o: any) => o.name === sk)) console.log(file, node.name, 'unknown option', k, sk);
	}
}
