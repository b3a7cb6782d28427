/**
 * The transport always answers a POST as an SSE stream; in JSON mode the sandbox turns that
 * stream into the JSON body the transport's own JSON mode gives: the JSON-RPC responses only
 * (one object, or an array for a batch), without the notifications sent along the way.
 */
export function sseToJsonRpc(sse: string, batch: boolean): unknown {
	const responses: unknown[] = [];
	for (const event of sse.split(/\r?\n\r?\n/)) {
		const data = event
			.split(/\r?\n/)
			.filter((line) => line.startsWith('data:'))
			.map((line) => line.slice(5).replace(/^ /, ''))
			.join('\n');
		if (!data) continue;
		const message = JSON.parse(data) as Record<string, unknown>;
		if ('id' in message && ('result' in message || 'error' in message)) responses.push(message);
	}
	return batch || responses.length !== 1 ? responses : responses[0];
}
