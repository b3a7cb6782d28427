import { startNexusSandbox } from '../test/sandbox/nexus';
async function main() {
	const s = await startNexusSandbox({ port: 0 });
	const org = s.orgs.a.id;
	console.log(await s.query(`select c.id, c.first_name, c.last_name, c.email, c.phone_number, ch.id as chat_id, ch.platform from public.customers c left join public.chats ch on ch.contact_phone = c.phone_number and ch.platform='whatsapp' where c.organization_id=$1 order by c.created_at limit 8`, [org]));
	console.log(await s.query(`select count(*) , min(created_at), max(created_at) from public.customers where organization_id=$1`, [org]));
	console.log(await s.query(`select order_status, count(*) from public.orders where organization_id=$1 group by 1`, [org]));
	console.log(await s.query(`select column_name from information_schema.columns where table_name='awbs'`));
	console.log(await s.query(`select id, name, sku from public.items where organization_id=$1 limit 4`, [org]));
	await s.close();
}
main();
