/**
 * A minimal client for a real Postgres server (NexusSandboxOptions.databaseUrl), built on the
 * wire-protocol serializer and parser that PGlite ships: one connection, text results, the
 * extended protocol for parameterised statements (values travel out of band), the simple
 * protocol for scripts. Authentication: trust, cleartext, MD5 and SCRAM-SHA-256; no TLS.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { PgError, type QueryResult, type SqlEngine, toPgError } from './db';

interface BackendMessage {
	name: string;
	[key: string]: unknown;
}

type Protocol = typeof import('@electric-sql/pglite').protocol;

function loadProtocol(): Protocol {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return (require('@electric-sql/pglite') as typeof import('@electric-sql/pglite')).protocol;
}

/** Postgres array literal for a JS array parameter. */
function arrayLiteral(values: unknown[]): string {
	return `{${values
		.map((v) => {
			if (v === null || v === undefined) return 'NULL';
			if (Array.isArray(v)) return arrayLiteral(v);
			return `"${String(v).replace(/[\\"]/g, (m) => `\\${m}`)}"`;
		})
		.join(',')}}`;
}

function toParam(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return value.toISOString();
	if (Array.isArray(value)) return arrayLiteral(value);
	return JSON.stringify(value);
}

function parseArray(text: string): Array<string | null> {
	const out: Array<string | null> = [];
	const body = text.slice(1, -1);
	let i = 0;
	while (i < body.length) {
		if (body[i] === '"') {
			let v = '';
			i++;
			while (i < body.length && body[i] !== '"') {
				if (body[i] === '\\') i++;
				v += body[i++];
			}
			i++;
			out.push(v);
		} else {
			let j = i;
			while (j < body.length && body[j] !== ',') j++;
			const raw = body.slice(i, j);
			out.push(raw === 'NULL' ? null : raw);
			i = j;
		}
		if (body[i] === ',') i++;
	}
	return out;
}

/** Text-format values to JS, matching what the PGlite engine answers. */
function parseValue(text: string | null, oid: number): unknown {
	if (text === null) return null;
	switch (oid) {
		case 16:
			return text === 't';
		case 21:
		case 23:
		case 26:
			return Number(text);
		case 20: {
			const n = Number(text);
			return Number.isSafeInteger(n) ? n : text;
		}
		case 700:
		case 701:
			return Number(text);
		case 114:
		case 3802:
			return JSON.parse(text) as unknown;
		case 1000:
			return parseArray(text).map((v) => (v === null ? null : v === 't'));
		case 1005:
		case 1007:
			return parseArray(text).map((v) => (v === null ? null : Number(v)));
		case 1009:
		case 1015:
		case 2951:
			return parseArray(text);
		default:
			return text;
	}
}

class Connection {
	private readonly parser: InstanceType<Protocol['Parser']>;
	private queue: BackendMessage[] = [];
	private waiter: (() => void) | undefined;
	private failure: Error | undefined;

	constructor(
		private readonly socket: Socket,
		private readonly protocol: Protocol,
	) {
		this.parser = new protocol.Parser();
		socket.on('data', (chunk: Buffer) => {
			this.parser.parse(chunk, (msg) => {
				this.queue.push(msg as unknown as BackendMessage);
			});
			this.wake();
		});
		socket.on('error', (error) => {
			this.failure = error;
			this.wake();
		});
		socket.on('close', () => {
			this.failure ??= new Error('Postgres connection closed');
			this.wake();
		});
	}

	private wake(): void {
		const w = this.waiter;
		this.waiter = undefined;
		w?.();
	}

	send(bytes: Uint8Array): void {
		this.socket.write(bytes);
	}

	async next(): Promise<BackendMessage> {
		for (;;) {
			const msg = this.queue.shift();
			if (msg) return msg;
			if (this.failure) throw this.failure;
			await new Promise<void>((resolve) => {
				this.waiter = resolve;
			});
		}
	}

	/** Reads until ReadyForQuery; answers rows, the row count and the first error. */
	async collect(): Promise<{ rows: Record<string, unknown>[]; affectedRows: number; error?: Error }> {
		let fields: Array<{ name: string; dataTypeID: number }> = [];
		const rows: Record<string, unknown>[] = [];
		let affectedRows = 0;
		let error: Error | undefined;
		for (;;) {
			const msg = await this.next();
			switch (msg.name) {
				case 'rowDescription':
					fields = msg.fields as Array<{ name: string; dataTypeID: number }>;
					break;
				case 'dataRow': {
					const values = msg.fields as Array<string | null>;
					const row: Record<string, unknown> = {};
					fields.forEach((f, i) => {
						row[f.name] = parseValue(values[i], f.dataTypeID);
					});
					rows.push(row);
					break;
				}
				case 'commandComplete': {
					const m = /(\d+)$/.exec(String(msg.text));
					if (m && !/^SELECT/.test(String(msg.text))) affectedRows += Number(m[1]);
					break;
				}
				case 'error':
					error ??= toPgError(msg) ?? new Error(String((msg as { message?: unknown }).message));
					break;
				case 'readyForQuery':
					return { rows, affectedRows, error };
				default:
					break;
			}
		}
	}

	close(): void {
		try {
			this.send(this.protocol.serialize.end());
		} catch {
			// already closed
		}
		this.socket.end();
	}
}

async function authenticate(conn: Connection, protocol: Protocol, user: string, password: string): Promise<void> {
	let scram: { nonce: string; clientFirstBare: string; serverSignature?: Buffer } | undefined;
	for (;;) {
		const msg = await conn.next();
		switch (msg.name) {
			case 'authenticationOk':
				break;
			case 'authenticationCleartextPassword':
				conn.send(protocol.serialize.password(password));
				break;
			case 'authenticationMD5Password': {
				const inner = createHash('md5').update(password + user).digest('hex');
				const salt = Buffer.from(msg.salt as Uint8Array);
				const outer = createHash('md5').update(Buffer.concat([Buffer.from(inner), salt])).digest('hex');
				conn.send(protocol.serialize.password(`md5${outer}`));
				break;
			}
			case 'authenticationSASL': {
				const mechanisms = msg.mechanisms as string[];
				if (!mechanisms.includes('SCRAM-SHA-256')) throw new Error(`Unsupported SASL mechanisms: ${mechanisms.join(', ')}`);
				const nonce = randomBytes(18).toString('base64');
				scram = { nonce, clientFirstBare: `n=*,r=${nonce}` };
				conn.send(protocol.serialize.sendSASLInitialResponseMessage('SCRAM-SHA-256', `n,,${scram.clientFirstBare}`));
				break;
			}
			case 'authenticationSASLContinue': {
				if (!scram) throw new Error('Unexpected SASL continue');
				const serverFirst = String(msg.data);
				const attrs = Object.fromEntries(serverFirst.split(',').map((kv) => [kv[0], kv.slice(2)]));
				if (!attrs.r?.startsWith(scram.nonce)) throw new Error('SCRAM server nonce does not extend the client nonce');
				const salted = pbkdf2Sync(password, Buffer.from(attrs.s, 'base64'), Number(attrs.i), 32, 'sha256');
				const clientKey = createHmac('sha256', salted).update('Client Key').digest();
				const storedKey = createHash('sha256').update(clientKey).digest();
				const withoutProof = `c=biws,r=${attrs.r}`;
				const authMessage = `${scram.clientFirstBare},${serverFirst},${withoutProof}`;
				const signature = createHmac('sha256', storedKey).update(authMessage).digest();
				const proof = Buffer.from(clientKey.map((b, i) => b ^ signature[i]));
				const serverKey = createHmac('sha256', salted).update('Server Key').digest();
				scram.serverSignature = createHmac('sha256', serverKey).update(authMessage).digest();
				conn.send(protocol.serialize.sendSCRAMClientFinalMessage(`${withoutProof},p=${proof.toString('base64')}`));
				break;
			}
			case 'authenticationSASLFinal': {
				const v = Buffer.from(String(msg.data).replace(/^v=/, '').split(',')[0], 'base64');
				if (!scram?.serverSignature || v.length !== scram.serverSignature.length || !timingSafeEqual(v, scram.serverSignature)) {
					throw new Error('SCRAM server signature mismatch');
				}
				break;
			}
			case 'error':
				throw toPgError(msg) ?? new Error('authentication failed');
			case 'readyForQuery':
				return;
			default:
				break;
		}
	}
}

export async function openPostgres(databaseUrl: string): Promise<SqlEngine> {
	const url = new URL(databaseUrl);
	if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error('databaseUrl must be a postgres:// URL');
	const protocol = loadProtocol();
	const user = decodeURIComponent(url.username || 'postgres');
	const password = decodeURIComponent(url.password);
	const database = decodeURIComponent(url.pathname.replace(/^\//, '') || user);
	const socket = connect({ host: url.hostname || '127.0.0.1', port: Number(url.port || 5432) });
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', resolve);
		socket.once('error', reject);
	});
	socket.setNoDelay(true);
	const conn = new Connection(socket, protocol);
	conn.send(protocol.serialize.startup({ user, database, client_encoding: 'UTF8', application_name: 'nexus-sandbox', TimeZone: 'UTC' }));
	try {
		await authenticate(conn, protocol, user, password);
	} catch (error) {
		conn.close();
		throw error;
	}

	return {
		kind: 'postgres',
		async query(sql, params): Promise<QueryResult> {
			const s = protocol.serialize;
			const values = (params ?? []).map(toParam);
			conn.send(
				Buffer.concat([
					s.parse({ text: sql, types: [] }),
					s.bind({ values }),
					s.describe({ type: 'P' }),
					s.execute({}),
					s.sync(),
				]),
			);
			const r = await conn.collect();
			if (r.error) throw r.error;
			return { rows: r.rows, affectedRows: r.affectedRows };
		},
		async exec(sql) {
			conn.send(protocol.serialize.query(sql));
			const r = await conn.collect();
			if (r.error) throw r.error instanceof PgError ? r.error : (toPgError(r.error) ?? r.error);
		},
		async close() {
			conn.close();
		},
	};
}
