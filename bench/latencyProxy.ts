/**
 * A TCP proxy that makes 127.0.0.1 cost what the internet costs: every byte crosses it half a
 * round trip late in each direction (so a request and its answer pay one round trip), and a new
 * connection first pays its handshakes: one round trip for TCP and one for TLS 1.3, during which
 * nothing the client wrote reaches the server. A client that keeps its connections alive pays the
 * handshakes once, as on the internet; one that opens a connection per request pays them each time.
 *
 * Bandwidth is not limited (the pages are small next to a round trip). It runs in the sandbox's
 * process (`sandboxChild.ts`), so its timers never share the event loop of what is measured.
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

export interface LatencyProxy {
	url: string;
	rttMs: number;
	/** Connections accepted so far (each paid the handshakes). */
	connections(): number;
	close(): Promise<void>;
}

/** Handshake round trips of a new connection: TCP, then TLS 1.3. */
export const HANDSHAKE_RTTS = 2;

/** Writes chunks to `to` at their due times, in order, with one timer per direction. */
class DelayLine {
	private readonly queue: Array<{ at: number; chunk: Buffer }> = [];

	private timer: NodeJS.Timeout | undefined;

	private ended = false;

	constructor(private readonly to: Socket) {}

	push(chunk: Buffer, at: number): void {
		this.queue.push({ at, chunk });
		this.schedule();
	}

	/** Ends `to` once everything queued before the end was written. */
	end(at: number): void {
		this.queue.push({ at, chunk: Buffer.alloc(0) });
		this.ended = true;
		this.schedule();
	}

	private schedule(): void {
		if (this.timer || this.queue.length === 0) return;
		this.timer = setTimeout(() => this.flush(), Math.max(0, this.queue[0].at - performance.now()));
	}

	private flush(): void {
		this.timer = undefined;
		const now = performance.now();
		while (this.queue.length > 0 && this.queue[0].at <= now + 0.5) {
			const { chunk } = this.queue.shift()!;
			if (chunk.length > 0) this.to.write(chunk);
			else if (this.ended && this.queue.length === 0) this.to.end();
		}
		this.schedule();
	}
}

export async function startLatencyProxy(targetPort: number, rttMs: number): Promise<LatencyProxy> {
	const half = rttMs / 2;
	let accepted = 0;
	const sockets = new Set<Socket>();
	const server: Server = createServer((client) => {
		accepted++;
		const openedAt = performance.now();
		// Nothing the client writes leaves before the handshakes are done.
		const handshakeDone = openedAt + HANDSHAKE_RTTS * rttMs;
		const upstream = connect(targetPort, '127.0.0.1');
		client.setNoDelay(true);
		upstream.setNoDelay(true);
		sockets.add(client);
		sockets.add(upstream);
		const toServer = new DelayLine(upstream);
		const toClient = new DelayLine(client);
		client.on('data', (chunk: Buffer) => toServer.push(chunk, Math.max(performance.now(), handshakeDone) + half));
		upstream.on('data', (chunk: Buffer) => toClient.push(chunk, performance.now() + half));
		client.on('end', () => toServer.end(Math.max(performance.now(), handshakeDone) + half));
		upstream.on('end', () => toClient.end(performance.now() + half));
		const drop = () => {
			client.destroy();
			upstream.destroy();
			sockets.delete(client);
			sockets.delete(upstream);
		};
		client.on('close', drop);
		// What the server sent before it closed still has to cross.
		upstream.on('close', () => setTimeout(drop, rttMs + 5));
		client.on('error', drop);
		upstream.on('error', drop);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		rttMs,
		connections: () => accepted,
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
