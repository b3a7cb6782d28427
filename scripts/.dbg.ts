import { N8nRest } from './n8n';
async function main() {
	const url = process.argv[2];
	const rest = new N8nRest(() => url);
	await rest.login({ email: 'owner@example.com', password: 'Nex-Demo-2026', firstName: '', lastName: '' });
	const wf = process.argv[3];
	if (process.argv[4] === 'post') {
		const r = await fetch(`${url}/webhook/nexus-order`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customer_id: 'e26776b3-898e-405f-a5fa-079fcecb0215', customer_name: 'Ahmed', phone: '+201009856737', currency: 'EGP', items: [{ sku: 'TSH-M-BLK', name: 'T-Shirt Black M', qty: 2, unit_price: 350 }, { sku: 'CAP-BLK', name: 'Cap Black', qty: 1, unit_price: 150 }] }) });
		console.log(r.status, await r.text());
	}
	const list = await rest.executions(wf);
	console.log(list);
	if (list[0]) {
		const ex = await rest.execution(list[0].id);
		const rd = ex.data?.resultData;
		console.log(JSON.stringify(rd?.error, null, 1)?.slice(0, 3000));
		for (const [name, runs] of Object.entries(rd?.runData ?? {})) console.log(name, JSON.stringify((runs[0].data?.main?.[0] ?? []).map((i: any) => i.pairedItem)), JSON.stringify(runs[0].error ?? "").slice(0, 300));
	}
}
main().catch((e) => { console.error(e); process.exit(1); });
